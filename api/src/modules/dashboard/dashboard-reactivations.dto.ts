import { ApiProperty } from '@nestjs/swagger';
import type { DashboardReactivations, ReactivationSource } from '@waakvlam/contracts';

export class DashboardReactivationsDto implements DashboardReactivations {
  @ApiProperty({ description: 'Requests opened in the period' }) requests!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Requests per source (a merged request counts for each of its sources)',
  })
  bySource!: Record<ReactivationSource, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from request to acceptance' })
  medianSecondsToAccepted!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from request to first contact' })
  medianSecondsToContacted!: number | null;
  @ApiProperty({ description: 'First contact after the deadline, or still none past it' })
  slaBreached!: number;
  @ApiProperty({ description: 'Resolved back_to_watch or support_resumed: restarted without a new intake' })
  withoutIntake!: number;
}
