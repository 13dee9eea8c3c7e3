import { ApiProperty } from '@nestjs/swagger';
import type { DashboardNeighbourhoods } from '@waakvlam/contracts';
import { DashboardNeighbourhoodDto } from './dashboard-neighbourhood.dto';

export class DashboardNeighbourhoodsDto implements DashboardNeighbourhoods {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({
    type: [DashboardNeighbourhoodDto],
    description: 'By wijk name; clients without a wijk last',
  })
  items!: DashboardNeighbourhoodDto[];
}
