import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { SignalDto } from './signal.dto';

export class SignalPageDto implements Page<SignalDto> {
  @ApiProperty({ type: [SignalDto] }) items!: SignalDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
