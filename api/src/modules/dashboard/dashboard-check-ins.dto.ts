import { ApiProperty } from '@nestjs/swagger';
import type { DashboardCheckIns } from '@waakvlam/contracts';
import { DashboardShareDto } from './dashboard-share.dto';

export class DashboardCheckInsDto implements DashboardCheckIns {
  @ApiProperty({ description: 'Check-ins due in the period (cancelled ones left out)' }) due!: number;
  @ApiProperty({ type: DashboardShareDto, description: 'Recorded on or before the due date' })
  onTime!: DashboardShareDto;
  @ApiProperty({ type: DashboardShareDto, description: 'Recorded after the due date' })
  late!: DashboardShareDto;
  @ApiProperty({ type: DashboardShareDto, description: 'Grace period passed without a record' })
  missed!: DashboardShareDto;
  @ApiProperty({ description: 'Still planned' }) open!: number;
}
