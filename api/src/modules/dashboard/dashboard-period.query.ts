import { PickType } from '@nestjs/swagger';
import { DashboardQueryDto } from './dashboard.query';

/** The period only (the neighbourhood view compares every wijk of the organisation). */
export class DashboardPeriodQueryDto extends PickType(DashboardQueryDto, ['from', 'to'] as const) {}
