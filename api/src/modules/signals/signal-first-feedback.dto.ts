import { ApiProperty } from '@nestjs/swagger';

export class SignalFirstFeedbackDto {
  @ApiProperty({ description: 'Signals that got feedback' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median time from receipt to first feedback' })
  medianSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile of that time' })
  p90Seconds!: number | null;
}
