import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_DISCREET_SENDER_NAME_LENGTH,
  MAX_EXTRA_DAYS_OFF,
  MAX_SLA_WORKING_HOURS,
  MIN_SLA_WORKING_HOURS,
  WORKING_HOURS_TIME_PATTERN,
  type UpdateOrganisationSettingsRequest,
} from '@waakvlam/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';

/** Only the fields sent change; a field sent as null is refused, except the sender name (null: discreet mode off). */
export class UpdateOrganisationSettingsDto implements UpdateOrganisationSettingsRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    maxItems: MAX_EXTRA_DAYS_OFF,
    description:
      'Days off besides weekends and Dutch public holidays (e.g. Bevrijdingsdag); replaces the list',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_EXTRA_DAYS_OFF)
  @IsCalendarDate({ each: true })
  extraDaysOff?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_DISCREET_SENDER_NAME_LENGTH,
    example: 'Team Noord',
    description:
      'Discreet mode: the neutral sender name of every e-mail, which also signs client e-mails. Trimmed; ' +
      'empty or null turns discreet mode off.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(MAX_DISCREET_SENDER_NAME_LENGTH)
  @Matches(/^\P{Cc}*$/u, { message: 'discreetSenderName must not contain control characters' })
  discreetSenderName?: string | null;

  @ApiPropertyOptional({
    description: 'Whether e-mails may name clients; otherwise they use the client reference only',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  clientNamesInEmail?: boolean;

  @ApiPropertyOptional({
    minimum: MIN_SLA_WORKING_HOURS,
    maximum: MAX_SLA_WORKING_HOURS,
    example: 4,
    description:
      'First contact of an urgent reactivation request within this many working hours (whole hours)',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(MIN_SLA_WORKING_HOURS)
  @Max(MAX_SLA_WORKING_HOURS)
  slaUrgentWorkingHours?: number;

  @ApiPropertyOptional({
    minimum: MIN_SLA_WORKING_HOURS,
    maximum: MAX_SLA_WORKING_HOURS,
    example: 16,
    description:
      'First contact of a normal reactivation request within this many working hours (whole hours)',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(MIN_SLA_WORKING_HOURS)
  @Max(MAX_SLA_WORKING_HOURS)
  slaNormalWorkingHours?: number;

  @ApiPropertyOptional({
    example: '09:00',
    pattern: WORKING_HOURS_TIME_PATTERN.source,
    description: 'Start of the working day in which SLA clocks run, `HH:mm` local time',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(WORKING_HOURS_TIME_PATTERN, { message: 'workingHoursStart must be a time HH:mm' })
  workingHoursStart?: string;

  @ApiPropertyOptional({
    example: '17:00',
    pattern: WORKING_HOURS_TIME_PATTERN.source,
    description: 'End of that working day, `HH:mm`, at least an hour after the start (sent or stored)',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(WORKING_HOURS_TIME_PATTERN, { message: 'workingHoursEnd must be a time HH:mm' })
  workingHoursEnd?: string;
}
