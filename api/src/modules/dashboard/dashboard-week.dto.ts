import { ApiProperty } from '@nestjs/swagger';
import type { DashboardWeek } from '@waakvlam/contracts';

export class DashboardWeekDto implements DashboardWeek {
  @ApiProperty({ format: 'date', description: 'Monday of the week (organisation time)' }) weekStart!: string;
  @ApiProperty() checkInsOnTime!: number;
  @ApiProperty() checkInsLate!: number;
  @ApiProperty() checkInsMissed!: number;
  @ApiProperty() lapses!: number;
  @ApiProperty() reactivations!: number;
  @ApiProperty() signals!: number;
}
