import { ApiProperty } from '@nestjs/swagger';
import type { ReactivationRequestDetail } from '@waakvlam/contracts';
import { CheckInDto } from '../check-ins/check-in.dto';
import { ClientConsentDto } from '../clients/client-consent.dto';
import { WatchEventDto } from '../watches/watch-event.dto';
import { ReactivationReasonDto } from './reactivation-reason.dto';
import { ReactivationWatchContextDto } from './reactivation-watch-context.dto';
import { ReactivationDto } from './reactivation.dto';

export class ReactivationDetailDto extends ReactivationDto implements ReactivationRequestDetail {
  @ApiProperty({ type: [ReactivationReasonDto], description: 'Every source and reason merged in, in order' })
  reasons!: ReactivationReasonDto[];
  @ApiProperty({ type: String, nullable: true }) resolutionNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: ReactivationWatchContextDto }) watch!: ReactivationWatchContextDto;
  @ApiProperty({ type: ClientConsentDto }) consent!: ClientConsentDto;
  @ApiProperty({ type: [WatchEventDto], description: 'The timeline, newest first (at most 20)' })
  recentEvents!: WatchEventDto[];
  @ApiProperty({ type: [CheckInDto], description: 'Check-ins, newest first (at most 10)' })
  recentCheckIns!: CheckInDto[];
}
