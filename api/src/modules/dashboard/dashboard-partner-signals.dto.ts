import { ApiProperty } from '@nestjs/swagger';
import type { DashboardPartnerSignals } from '@waakvlam/contracts';

export class DashboardPartnerSignalsDto implements DashboardPartnerSignals {
  @ApiProperty({ format: 'uuid' }) partnerOrganisationId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty() received!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from receipt to first feedback' })
  medianSecondsToFeedback!: number | null;
  @ApiProperty({ description: 'Still without any feedback' }) awaitingFeedback!: number;
}
