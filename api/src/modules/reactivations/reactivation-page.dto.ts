import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { ReactivationDto } from './reactivation.dto';

export class ReactivationPageDto implements Page<ReactivationDto> {
  @ApiProperty({ type: [ReactivationDto] }) items!: ReactivationDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
