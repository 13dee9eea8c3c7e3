import { ApiProperty } from '@nestjs/swagger';
import type { AccessReport } from '@waakvlam/contracts';
import { AccessReportEntryDto } from './access-report-entry.dto';

export class AccessReportDto implements AccessReport {
  @ApiProperty() client!: { id: string; reference: string; name: string };
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() retentionYears!: number;
  @ApiProperty({ type: [AccessReportEntryDto] }) entries!: AccessReportEntryDto[];
  @ApiProperty({ description: 'More events than the report shows (the newest 1000 are shown)' })
  truncated!: boolean;
}
