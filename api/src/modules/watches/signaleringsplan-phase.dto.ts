import { ApiProperty } from '@nestjs/swagger';
import type { SignaleringsplanPhase } from '@waakvlam/contracts';
import { IsString, MaxLength } from 'class-validator';

export class SignaleringsplanPhaseDto implements SignaleringsplanPhase {
  @ApiProperty({ maxLength: 2000, description: 'Early-warning signs of this phase' })
  @IsString()
  @MaxLength(2000)
  signs!: string;

  @ApiProperty({ maxLength: 2000, description: 'The agreed actions in this phase' })
  @IsString()
  @MaxLength(2000)
  actions!: string;
}
