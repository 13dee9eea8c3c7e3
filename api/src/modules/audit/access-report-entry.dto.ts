import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccessReportEntry } from '@waakvlam/contracts';

export class AccessReportEntryDto implements AccessReportEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'Anna de Vries' }) who!: string;
  @ApiPropertyOptional({ nullable: true, example: 'begeleider' }) role!: string | null;
  @ApiProperty({ example: 'Heeft uw gegevens bekeken' }) what!: string;
  @ApiProperty({ example: 'Voor uw begeleiding' }) why!: string;
  @ApiProperty() allowed!: boolean;
}
