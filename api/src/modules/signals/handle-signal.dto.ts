import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SIGNAL_FEEDBACK_LENGTH, type HandleSignalRequest } from '@waakvlam/contracts';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class HandleSignalDto implements HandleSignalRequest {
  @ApiPropertyOptional({
    maxLength: MAX_SIGNAL_FEEDBACK_LENGTH,
    description: 'The text for the partner, without care details. A standard text when left out.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SIGNAL_FEEDBACK_LENGTH)
  @Matches(/\S/, { message: 'feedback must not be blank' })
  feedback?: string;
}
