import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { ClientSummaryDto } from './client-summary.dto';

export class ClientPageDto implements Page<ClientSummaryDto> {
  @ApiProperty({ type: [ClientSummaryDto] }) items!: ClientSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
