import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationSettings } from '@waakvlam/contracts';

export class OrganisationSettingsDto implements OrganisationSettings {
  @ApiProperty({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @ApiProperty({ type: [String], format: 'date', example: ['2027-05-05'] }) extraDaysOff!: string[];
}
