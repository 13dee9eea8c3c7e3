import { ApiProperty } from '@nestjs/swagger';
import type { TwoFactorPolicy } from '@waakvlam/contracts';
import { IsBoolean } from 'class-validator';

export class TwoFactorPolicyDto implements TwoFactorPolicy {
  @ApiProperty({
    description: 'Admins and coordinators must use two-factor authentication (set up at next sign-in)',
  })
  @IsBoolean()
  required!: boolean;
}
