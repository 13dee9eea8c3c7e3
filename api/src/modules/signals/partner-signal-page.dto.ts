import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { PartnerSignalDto } from './partner-signal.dto';

export class PartnerSignalPageDto implements Page<PartnerSignalDto> {
  @ApiProperty({ type: [PartnerSignalDto] }) items!: PartnerSignalDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
