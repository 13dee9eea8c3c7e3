import { ApiProperty } from '@nestjs/swagger';
import type { DashboardCaseworker } from '@waakvlam/contracts';

export class DashboardCaseworkerDto implements DashboardCaseworker {
  @ApiProperty({ format: 'uuid' }) caseworkerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Open watches where she is primary caseworker' }) watches!: number;
  @ApiProperty() checkInsOnTime!: number;
  @ApiProperty() checkInsLate!: number;
  @ApiProperty() checkInsMissed!: number;
  @ApiProperty({ description: 'Reactivation requests on her watches opened in the period' })
  reactivations!: number;
}
