import { ApiPropertyOptional } from '@nestjs/swagger';
import { WATCH_STATUSES, type WatchListDrillDown, type WatchStatus } from '@waakvlam/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DayFilter, DayFilterEnd, NeighbourhoodFilter } from '../../core/http/list-filter.decorators';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

/** The watch list's filters, also those of its export (`GET /api/watches/export.csv`). */
export class ListWatchesQuery extends PaginationQueryDto implements WatchListDrillDown {
  @ApiPropertyOptional({ enum: WATCH_STATUSES })
  @IsOptional()
  @IsIn(WATCH_STATUSES)
  status?: WatchStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Watches with this primary or backup caseworker' })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

  @ApiPropertyOptional({
    enum: ['primary', 'backup'],
    description: 'With caseworkerId (or mine): only watches where she has this role',
  })
  @IsOptional()
  @IsIn(['primary', 'backup'])
  caseworkerRole?: 'primary' | 'backup';

  @ApiPropertyOptional({ description: 'true: only watches that have not ended' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "One client's watches, in every status" })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({
    description: 'Only watches you are primary or backup caseworker of ("Mijn caseload")',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @NeighbourhoodFilter()
  neighbourhood?: string;

  @DayFilter('Watches that lapsed on or after this day (organisation time): a `lapsed` event in the range')
  lapsedFrom?: string;

  @DayFilterEnd('lapsedFrom', 'Watches that lapsed on or before this day (organisation time)')
  lapsedTo?: string;
}
