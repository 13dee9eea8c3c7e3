import { ApiProperty } from '@nestjs/swagger';
import type { ReactivationMetrics, ReactivationSource } from '@waakvlam/contracts';
import { ReactivationDurationDto } from './reactivation-duration.dto';

export class ReactivationMetricsDto implements ReactivationMetrics {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Requests created in the period' }) requests!: number;
  @ApiProperty({ type: ReactivationDurationDto }) toAccepted!: ReactivationDurationDto;
  @ApiProperty({ type: ReactivationDurationDto }) toContacted!: ReactivationDurationDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Requests per source (a merged request counts for each of its sources)',
  })
  perSource!: Record<ReactivationSource, number>;
  @ApiProperty({ description: 'First contact after the deadline, or still none past it' })
  slaBreached!: number;
}
