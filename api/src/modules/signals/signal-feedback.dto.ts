import { ApiProperty } from '@nestjs/swagger';
import type { SignalFeedback } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { PartnerSignalFeedbackDto } from './partner-signal-feedback.dto';

export class SignalFeedbackDto extends PartnerSignalFeedbackDto implements SignalFeedback {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserRefDto }) createdBy!: UserRefDto;
}
