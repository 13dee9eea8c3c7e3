import { ApiProperty } from '@nestjs/swagger';
import type { DashboardSignals, SignalCategory } from '@waakvlam/contracts';
import { DashboardPartnerSignalsDto } from './dashboard-partner-signals.dto';

export class DashboardSignalsDto implements DashboardSignals {
  @ApiProperty({ description: 'Signals received in the period' }) received!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byCategory!: Record<SignalCategory, number>;
  @ApiProperty({ type: [DashboardPartnerSignalsDto], description: 'Most signals first' })
  byPartner!: DashboardPartnerSignalsDto[];
  @ApiProperty({ type: Number, nullable: true }) medianSecondsToFeedback!: number | null;
  @ApiProperty() awaitingFeedback!: number;
}
