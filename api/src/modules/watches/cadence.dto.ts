import { ApiProperty } from '@nestjs/swagger';
import type { Cadence } from '@waakvlam/contracts';

export class CadenceDto implements Cadence {
  @ApiProperty() intervalDays!: number;
  @ApiProperty() minIntervalDays!: number;
  @ApiProperty() maxIntervalDays!: number;
}
