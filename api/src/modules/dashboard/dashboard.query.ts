import { ApiPropertyOptional } from '@nestjs/swagger';
import type { DashboardQuery } from '@waakvlam/contracts';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';

export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (organisation time); default 83 days before to',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day, included (organisation time); default today',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this caseworker's watches and check-ins" })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

  @ApiPropertyOptional({
    description: 'Only clients of this wijk; empty: clients without a wijk',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  neighbourhood?: string;
}
