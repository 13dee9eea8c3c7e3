import { ApiProperty } from '@nestjs/swagger';
import { MAX_SLA_WORKING_HOURS, MIN_SLA_WORKING_HOURS, type OrganisationSettings } from '@waakvlam/contracts';

export class OrganisationSettingsDto implements OrganisationSettings {
  @ApiProperty({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @ApiProperty({ type: [String], format: 'date', example: ['2027-05-05'] }) extraDaysOff!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Team Noord',
    description: 'Discreet mode: the neutral sender name of every e-mail; null when off',
  })
  discreetSenderName!: string | null;
  @ApiProperty({ description: 'Whether e-mails may name clients; otherwise the client reference only' })
  clientNamesInEmail!: boolean;
  @ApiProperty({
    minimum: MIN_SLA_WORKING_HOURS,
    maximum: MAX_SLA_WORKING_HOURS,
    example: 4,
    description: 'First contact of an urgent reactivation request within this many working hours',
  })
  slaUrgentWorkingHours!: number;
  @ApiProperty({
    minimum: MIN_SLA_WORKING_HOURS,
    maximum: MAX_SLA_WORKING_HOURS,
    example: 16,
    description: 'First contact of a normal reactivation request within this many working hours',
  })
  slaNormalWorkingHours!: number;
  @ApiProperty({
    example: '09:00',
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: 'Start of the working day in which SLA clocks run (local time, on working days)',
  })
  workingHoursStart!: string;
  @ApiProperty({
    example: '17:00',
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: 'End of that working day, at least an hour after the start',
  })
  workingHoursEnd!: string;
}
