import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';

export class SignalMetricsQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (organisation time); default 29 days before to.',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day, included (organisation time); default today.',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
