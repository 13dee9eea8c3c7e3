import { ApiProperty } from '@nestjs/swagger';
import { SIGNAL_TRIAGE_DECISIONS, type SignalTriageDecision } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class SignalTriageOutcomeDto {
  @ApiProperty({ enum: SIGNAL_TRIAGE_DECISIONS }) decision!: SignalTriageDecision;
  @ApiProperty({ description: 'Internal: never shown to the partner' }) reason!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) watchId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) reactivationRequestId!: string | null;
  @ApiProperty({ type: UserRefDto }) triagedBy!: UserRefDto;
}
