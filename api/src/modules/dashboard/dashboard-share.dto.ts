import { ApiProperty } from '@nestjs/swagger';
import type { DashboardShare } from '@waakvlam/contracts';

export class DashboardShareDto implements DashboardShare {
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent (one decimal) of the closed check-ins' })
  percent!: number | null;
}
