import { ApiProperty } from '@nestjs/swagger';
import type { Signaleringsplan } from '@waakvlam/contracts';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { SignaleringsplanPhaseDto } from './signaleringsplan-phase.dto';

export class SignaleringsplanDto implements Signaleringsplan {
  @ApiProperty({ type: SignaleringsplanPhaseDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SignaleringsplanPhaseDto)
  green!: SignaleringsplanPhaseDto;

  @ApiProperty({ type: SignaleringsplanPhaseDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SignaleringsplanPhaseDto)
  orange!: SignaleringsplanPhaseDto;

  @ApiProperty({ type: SignaleringsplanPhaseDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SignaleringsplanPhaseDto)
  red!: SignaleringsplanPhaseDto;
}
