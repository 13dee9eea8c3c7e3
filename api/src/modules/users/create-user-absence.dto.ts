import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ABSENCE_REASON_MAX, type CreateUserAbsenceRequest } from '@waakvlam/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';

export class CreateUserAbsenceDto implements CreateUserAbsenceRequest {
  @ApiProperty({ format: 'date', description: 'First day of the absence' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the absence (included); not before startsOn' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiPropertyOptional({
    maxLength: USER_ABSENCE_REASON_MAX,
    description: 'Short, e.g. "verlof"; no medical details',
  })
  @IsOptional()
  @IsString()
  @MaxLength(USER_ABSENCE_REASON_MAX)
  reason?: string;
}
