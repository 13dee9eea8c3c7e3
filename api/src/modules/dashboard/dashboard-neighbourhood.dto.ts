import { ApiProperty } from '@nestjs/swagger';
import type { DashboardNeighbourhood, WatchStatus } from '@waakvlam/contracts';
import { DashboardCheckInsDto } from './dashboard-check-ins.dto';

export class DashboardNeighbourhoodDto implements DashboardNeighbourhood {
  @ApiProperty({ type: String, nullable: true, description: 'The wijk; null: clients without one' })
  neighbourhood!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) watches!: Record<
    WatchStatus,
    number
  >;
  @ApiProperty({ type: DashboardCheckInsDto }) checkIns!: DashboardCheckInsDto;
  @ApiProperty() lapses!: number;
  @ApiProperty() reactivations!: number;
  @ApiProperty() withoutIntake!: number;
  @ApiProperty() signals!: number;
}
