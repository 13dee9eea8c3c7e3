import { ApiProperty } from '@nestjs/swagger';
import { WATCH_STATUSES, type WatchStatus } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { SignaleringsplanDto } from '../watches/signaleringsplan.dto';

/** What was agreed on the watch, carried over to the request. */
export class ReactivationWatchContextDto {
  @ApiProperty({ enum: WATCH_STATUSES }) status!: WatchStatus;
  @ApiProperty({ type: UserRefDto }) primaryCaseworker!: UserRefDto;
  @ApiProperty({ type: UserRefDto, nullable: true }) backupCaseworker!: UserRefDto | null;
  @ApiProperty() agreements!: string;
  @ApiProperty({ type: SignaleringsplanDto }) signaleringsplan!: SignaleringsplanDto;
  @ApiProperty({ format: 'date' }) startDate!: string;
}
