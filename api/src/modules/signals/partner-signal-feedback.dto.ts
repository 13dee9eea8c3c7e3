import { ApiProperty } from '@nestjs/swagger';
import { SIGNAL_STATUSES, type PartnerSignalFeedback, type SignalStatus } from '@waakvlam/contracts';

export class PartnerSignalFeedbackDto implements PartnerSignalFeedback {
  @ApiProperty({ enum: SIGNAL_STATUSES, description: 'The status the signal reached with this feedback' })
  status!: SignalStatus;
  @ApiProperty({ description: 'Written for the partner' }) text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
