import { ApiProperty } from '@nestjs/swagger';
import type { TwoFactorStatus } from '@waakvlam/contracts';

export class TwoFactorStatusDto implements TwoFactorStatus {
  @ApiProperty({
    description: "Whether the user's role can use two-factor authentication (admins, coordinators)",
  })
  available!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'Whether the organisation requires it for this user' }) required!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
}
