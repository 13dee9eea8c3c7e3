import { ApiProperty } from '@nestjs/swagger';
import {
  CONTACT_MODES,
  WATCH_END_REASONS,
  WATCH_STATUSES,
  type ContactMode,
  type Watch,
  type WatchEndReason,
  type WatchStatus,
} from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { CadenceDto } from './cadence.dto';
import { ClientRefDto } from './client-ref.dto';
import { NextCheckInRefDto } from './next-check-in-ref.dto';
import { SignaleringsplanDto } from './signaleringsplan.dto';

export class WatchDto implements Watch {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ClientRefDto }) client!: ClientRefDto;
  @ApiProperty({ enum: WATCH_STATUSES }) status!: WatchStatus;
  @ApiProperty({ type: UserRefDto }) primaryCaseworker!: UserRefDto;
  @ApiProperty({ type: UserRefDto, nullable: true }) backupCaseworker!: UserRefDto | null;
  @ApiProperty({ type: CadenceDto }) cadence!: CadenceDto;
  @ApiProperty({ enum: CONTACT_MODES }) contactMode!: ContactMode;
  @ApiProperty() agreements!: string;
  @ApiProperty({ type: SignaleringsplanDto }) signaleringsplan!: SignaleringsplanDto;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) reviewDate!: string;
  @ApiProperty() lapseThreshold!: number;
  @ApiProperty() preNoticeWorkingDays!: number;
  @ApiProperty() gracePeriodDays!: number;
  @ApiProperty() reopenPeriodMonths!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ enum: WATCH_END_REASONS, nullable: true }) endReason!: WatchEndReason | null;
  @ApiProperty({ type: NextCheckInRefDto, nullable: true }) nextCheckIn!: NextCheckInRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
