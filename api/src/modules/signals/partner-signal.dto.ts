import { ApiProperty } from '@nestjs/swagger';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type PartnerSignal,
  type SignalCategory,
  type SignalStatus,
} from '@waakvlam/contracts';
import { PartnerSignalFeedbackDto } from './partner-signal-feedback.dto';
import { SignalAddressDto } from './signal-address.dto';

/** A signal as its partner sees it: what the partner reported, the status and the feedback for the partner. */
export class PartnerSignalDto implements PartnerSignal {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SIGNAL_CATEGORIES }) category!: SignalCategory;
  @ApiProperty({ format: 'date' }) observedOn!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The client reference you gave' })
  clientReference!: string | null;
  @ApiProperty({ type: SignalAddressDto, nullable: true, description: 'The address you gave' })
  address!: SignalAddressDto | null;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status!: SignalStatus;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [PartnerSignalFeedbackDto] }) feedback!: PartnerSignalFeedbackDto[];
}
