import { ApiProperty } from '@nestjs/swagger';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type SignalCategory,
  type SignalMetrics,
  type SignalStatus,
} from '@waakvlam/contracts';
import { SignalFirstFeedbackDto } from './signal-first-feedback.dto';

const counts = (keys: readonly string[]) =>
  ({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `A count for each of: ${keys.join(', ')}`,
  }) as const;

export class SignalMetricsDto implements SignalMetrics {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'Signals received in the period' }) received!: number;
  @ApiProperty({
    type: SignalFirstFeedbackDto,
    description: 'Of those, the ones with feedback, and how fast',
  })
  firstFeedback!: SignalFirstFeedbackDto;
  @ApiProperty({ description: 'Of those, the ones still without feedback' }) awaitingFeedback!: number;
  @ApiProperty(counts(SIGNAL_CATEGORIES)) byCategory!: Record<SignalCategory, number>;
  @ApiProperty(counts(SIGNAL_STATUSES)) byStatus!: Record<SignalStatus, number>;
}
