import { ApiProperty } from '@nestjs/swagger';
import { MAX_EXTRA_DAYS_OFF, type UpdateOrganisationSettingsRequest } from '@waakvlam/contracts';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';

export class UpdateOrganisationSettingsDto implements UpdateOrganisationSettingsRequest {
  @ApiProperty({
    type: [String],
    format: 'date',
    maxItems: MAX_EXTRA_DAYS_OFF,
    description:
      'Days off besides weekends and Dutch public holidays (e.g. Bevrijdingsdag); replaces the list',
  })
  @IsArray()
  @ArrayMaxSize(MAX_EXTRA_DAYS_OFF)
  @IsCalendarDate({ each: true })
  extraDaysOff!: string[];
}
