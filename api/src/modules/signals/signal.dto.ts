import { ApiProperty } from '@nestjs/swagger';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type Signal,
  type SignalCategory,
  type SignalStatus,
} from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { PartnerOrganisationSummaryDto } from '../organisations/partner-organisation-summary.dto';
import { SignalApiKeyRefDto } from './signal-api-key-ref.dto';
import { SignalAddressDto } from './signal-address.dto';
import { SignalClientRefDto } from './signal-client-ref.dto';
import { SignalFeedbackDto } from './signal-feedback.dto';
import { SignalTriageOutcomeDto } from './signal-triage-outcome.dto';

/** The internal view of a signal: coordinators and admins only. */
export class SignalDto implements Signal {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SIGNAL_CATEGORIES }) category!: SignalCategory;
  @ApiProperty({ format: 'date' }) observedOn!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: PartnerOrganisationSummaryDto }) partnerOrganisation!: PartnerOrganisationSummaryDto;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Null when a partner system filed it' })
  reportedBy!: UserRefDto | null;
  @ApiProperty({
    type: SignalApiKeyRefDto,
    nullable: true,
    description: 'The API key it was filed with; null when a partner user filed it',
  })
  reportedVia!: SignalApiKeyRefDto | null;
  @ApiProperty({ type: String, nullable: true }) clientReference!: string | null;
  @ApiProperty({ type: SignalAddressDto, nullable: true }) address!: SignalAddressDto | null;
  @ApiProperty({
    type: SignalClientRefDto,
    nullable: true,
    description:
      "By the partner's reference (only with the client's consent to share with this partner), or chosen at triage",
  })
  client!: SignalClientRefDto | null;
  @ApiProperty({ enum: SIGNAL_STATUSES }) status!: SignalStatus;
  @ApiProperty({ type: SignalTriageOutcomeDto, nullable: true }) triage!: SignalTriageOutcomeDto | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) triagedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) handledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) firstFeedbackAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [SignalFeedbackDto] }) feedback!: SignalFeedbackDto[];
}
