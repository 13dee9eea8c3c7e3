import { ApiProperty } from '@nestjs/swagger';
import type { CaseloadRow } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { CaseloadAbsenceDto } from './caseload-absence.dto';

export class CaseloadRowDto implements CaseloadRow {
  @ApiProperty({ type: UserRefDto }) caseworker!: UserRefDto;
  @ApiProperty({ description: 'Open watches (active, paused, lapsed, reactivated) where she is primary' })
  primaryWatches!: number;
  @ApiProperty({ description: 'Open watches where she is backup' }) backupWatches!: number;
  @ApiProperty({
    description: 'Her planned check-ins due Monday–Sunday of this week (organisation calendar)',
  })
  dueThisWeek!: number;
  @ApiProperty({ description: 'Her planned check-ins due before today' }) overdue!: number;
  @ApiProperty({ description: 'Reactivation requests assigned to her: open, accepted or contacted' })
  openReactivations!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: no limit' })
  reactivationCapacity!: number | null;
  @ApiProperty({ description: 'An absence covers today' }) absentToday!: boolean;
  @ApiProperty({
    type: CaseloadAbsenceDto,
    nullable: true,
    description: 'The absence covering today, else the next one; null when none',
  })
  absence!: CaseloadAbsenceDto | null;
}
