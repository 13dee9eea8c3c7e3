import { ApiProperty } from '@nestjs/swagger';
import type { SignalCandidate } from '@waakvlam/contracts';
import { OpenWatchRefDto } from '../clients/open-watch-ref.dto';

export class SignalCandidateDto implements SignalCandidate {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty() houseNumber!: string;
  @ApiProperty({ description: 'House number and addition match exactly (else only the number does)' })
  exactMatch!: boolean;
  @ApiProperty({ type: OpenWatchRefDto, nullable: true })
  openWatch!: { id: string; status: 'active' | 'paused' | 'lapsed' | 'reactivated' } | null;
}
