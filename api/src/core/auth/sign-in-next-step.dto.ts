import { ApiProperty } from '@nestjs/swagger';
import type { SignInNextStep } from '@waakvlam/contracts';

export class SignInNextStepDto implements SignInNextStep {
  @ApiProperty({ enum: ['two_factor', 'two_factor_enrolment'] })
  step!: 'two_factor' | 'two_factor_enrolment';

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
