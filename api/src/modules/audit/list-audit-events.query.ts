import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_EVENT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditEventAction,
  type AuditEventListQuery,
  type AuditEventOutcome,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { DayFilter, DayFilterEnd } from '../../core/http/list-filter.decorators';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

/** The audit log's filters, also those of its export. */
export class ListAuditEventsQuery extends PaginationQueryDto implements AuditEventListQuery {
  @DayFilter('Events on or after this day (organisation time)')
  from?: string;

  @DayFilterEnd('from', 'Events on or before this day (organisation time)')
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events of this user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Events that concern this client's data" })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_EVENT_ACTIONS)
  action?: AuditEventAction;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditEventOutcome;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'A resource (clients.read) or its domain (clients: every clients.*)',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/, {
    message: 'must be a resource such as clients or clients.read',
  })
  resource?: string;
}
