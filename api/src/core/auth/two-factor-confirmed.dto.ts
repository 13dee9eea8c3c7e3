import { ApiProperty } from '@nestjs/swagger';
import type { TwoFactorConfirmed } from '@waakvlam/contracts';
import { MeDto } from './me.dto';

export class TwoFactorConfirmedDto implements TwoFactorConfirmed {
  @ApiProperty({ type: [String], description: 'Shown once; each works once instead of a code' })
  recoveryCodes!: string[];
  @ApiProperty({ type: MeDto, nullable: true, description: 'Set when the confirmation completed a sign-in' })
  me!: MeDto | null;
}
