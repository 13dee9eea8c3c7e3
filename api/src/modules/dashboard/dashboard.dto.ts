import { ApiProperty } from '@nestjs/swagger';
import type { Dashboard, WatchStatus } from '@waakvlam/contracts';
import { DashboardCaseworkerDto } from './dashboard-caseworker.dto';
import { DashboardCheckInsDto } from './dashboard-check-ins.dto';
import { DashboardReactivationsDto } from './dashboard-reactivations.dto';
import { DashboardSignalsDto } from './dashboard-signals.dto';
import { DashboardWeekDto } from './dashboard-week.dto';

export class DashboardDto implements Dashboard {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseworkerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) neighbourhood!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Watches by status now (the period does not apply)',
  })
  watches!: Record<WatchStatus, number>;
  @ApiProperty({ type: DashboardCheckInsDto }) checkIns!: DashboardCheckInsDto;
  @ApiProperty({ description: 'Watches that lapsed in the period' }) lapses!: number;
  @ApiProperty({ type: DashboardReactivationsDto }) reactivations!: DashboardReactivationsDto;
  @ApiProperty({ type: DashboardSignalsDto }) signals!: DashboardSignalsDto;
  @ApiProperty({ type: [DashboardWeekDto], description: 'Every week that overlaps the period, oldest first' })
  weeks!: DashboardWeekDto[];
  @ApiProperty({ type: [DashboardCaseworkerDto], description: 'Per caseworker, by name' })
  caseworkers!: DashboardCaseworkerDto[];
  @ApiProperty({ type: [String], description: "Every wijk recorded on the organisation's clients, by name" })
  neighbourhoodOptions!: string[];
}
