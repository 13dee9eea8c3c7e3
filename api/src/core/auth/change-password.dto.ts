import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@waakvlam/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Only the shape is checked here; PasswordPolicy checks the new password's content (and names the field). */
export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password', maxLength: 128 })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: 12,
    maxLength: 128,
    description: '12 to 128 characters, not a common password, not your e-mail address',
  })
  @IsString()
  newPassword!: string;
}
