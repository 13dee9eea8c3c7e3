import { ApiProperty } from '@nestjs/swagger';
import type { OrganisationSettings } from '@waakvlam/contracts';

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
}
