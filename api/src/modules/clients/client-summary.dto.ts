import { ApiProperty } from '@nestjs/swagger';
import type { ClientSummary } from '@waakvlam/contracts';
import { OpenWatchRefDto } from './open-watch-ref.dto';

export class ClientSummaryDto implements ClientSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '1234AB' }) postcode!: string;
  @ApiProperty() houseNumber!: string;
  @ApiProperty({ type: String, nullable: true }) neighbourhood!: string | null;
  @ApiProperty({ type: OpenWatchRefDto, nullable: true }) openWatch!: OpenWatchRefDto | null;
}
