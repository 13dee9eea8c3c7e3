import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_IN_TIMELINESS, type CheckInListDrillDown, type CheckInTimeliness } from '@waakvlam/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DayFilter, DayFilterEnd, NeighbourhoodFilter } from '../../core/http/list-filter.decorators';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

/** The check-in overview's filters, also those of its export. */
export class CheckInOverviewQuery extends PaginationQueryDto implements CheckInListDrillDown {
  @DayFilter('Check-ins due on or after this day')
  dueFrom?: string;

  @DayFilterEnd('dueFrom', 'Check-ins due on or before this day')
  dueTo?: string;

  @ApiPropertyOptional({
    enum: CHECK_IN_TIMELINESS,
    description:
      "on_time: recorded on or before the due date (organisation's day); late: after it; missed; open: still planned",
  })
  @IsOptional()
  @IsIn(CHECK_IN_TIMELINESS)
  timeliness?: CheckInTimeliness;

  @ApiPropertyOptional({ format: 'uuid', description: "The check-in's caseworker" })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

  @NeighbourhoodFilter()
  neighbourhood?: string;
}
