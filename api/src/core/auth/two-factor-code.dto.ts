import { ApiProperty } from '@nestjs/swagger';
import type { VerifyTwoFactorRequest } from '@waakvlam/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class TwoFactorCodeDto implements VerifyTwoFactorRequest {
  @ApiProperty({
    example: '123456',
    minLength: 6,
    maxLength: 32,
    description: 'The 6-digit code from the authenticator app, or (to sign in) one of the recovery codes',
  })
  @IsString()
  @MinLength(6, { message: 'must be the 6-digit code from your app' })
  @MaxLength(32)
  code!: string;
}
