import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  REACTIVATION_LIST_SORTS,
  REACTIVATION_SOURCES,
  REACTIVATION_STATUSES,
  REACTIVATION_URGENCIES,
  type ReactivationListDrillDown,
  type ReactivationListSort,
  type ReactivationSource,
  type ReactivationStatus,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  BooleanFilter,
  DayFilter,
  DayFilterEnd,
  NeighbourhoodFilter,
} from '../../core/http/list-filter.decorators';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The reactivation list's filters, also those of its export. */
export class ListReactivationsQuery extends PaginationQueryDto implements ReactivationListDrillDown {
  @ApiPropertyOptional({ enum: REACTIVATION_STATUSES })
  @IsOptional()
  @IsIn(REACTIVATION_STATUSES)
  status?: ReactivationStatus;

  @ApiPropertyOptional({ enum: REACTIVATION_URGENCIES })
  @IsOptional()
  @IsIn(REACTIVATION_URGENCIES)
  urgency?: ReactivationUrgency;

  @ApiPropertyOptional({ format: 'uuid', description: 'Requests assigned to this user' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Only open requests that nobody has yet (the team pool)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  pool?: boolean;

  @ApiPropertyOptional({ description: 'Only requests assigned to you' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "One watch's requests" })
  @IsOptional()
  @IsUUID()
  watchId?: string;

  @ApiPropertyOptional({
    enum: REACTIVATION_LIST_SORTS,
    default: 'created',
    description:
      '`created`: newest first. `sla`: the requests still waiting for their first contact (open, accepted) first, ' +
      'the earliest deadline first; then the others, newest first.',
  })
  @IsOptional()
  @IsIn(REACTIVATION_LIST_SORTS)
  sort?: ReactivationListSort;

  @DayFilter('Requests opened on or after this day (organisation time)')
  createdFrom?: string;

  @DayFilterEnd('createdFrom', 'Requests opened on or before this day (organisation time)')
  createdTo?: string;

  @ApiPropertyOptional({ enum: REACTIVATION_SOURCES, description: 'Requests with this among their sources' })
  @IsOptional()
  @IsIn(REACTIVATION_SOURCES)
  source?: ReactivationSource;

  @BooleanFilter(
    'true: first contact after the SLA deadline, or none yet while open or accepted past it; false: the others',
  )
  slaBreached?: boolean;

  @BooleanFilter('true: resolved back_to_watch or support_resumed (no new intake); false: the others')
  withoutIntake?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "The watch's primary caseworker" })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

  @NeighbourhoodFilter()
  neighbourhood?: string;
}
