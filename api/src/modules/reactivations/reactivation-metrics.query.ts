import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ReactivationMetricsQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start (included) of the period; default: 30 days ago',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (excluded) of the period; default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
