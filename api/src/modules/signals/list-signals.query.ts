import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type SignalCategory,
  type SignalListDrillDown,
  type SignalStatus,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  BooleanFilter,
  DayFilter,
  DayFilterEnd,
  NeighbourhoodFilter,
} from '../../core/http/list-filter.decorators';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

/** The signal list's filters, also those of its export. */
export class ListSignalsQuery extends PaginationQueryDto implements SignalListDrillDown {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES, description: 'Only signals with this status' })
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: SignalStatus;

  @ApiPropertyOptional({ enum: SIGNAL_CATEGORIES, description: 'Only signals of this category' })
  @IsOptional()
  @IsIn(SIGNAL_CATEGORIES)
  category?: SignalCategory;

  @DayFilter('Signals received on or after this day (organisation time)')
  receivedFrom?: string;

  @DayFilterEnd('receivedFrom', 'Signals received on or before this day (organisation time)')
  receivedTo?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Signals of this partner organisation (a partner always sees only its own)',
  })
  @IsOptional()
  @IsUUID()
  partnerOrganisationId?: string;

  @BooleanFilter('true: signals without any feedback to the partner yet; false: with feedback')
  awaitingFeedback?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only: signals linked to a watch of this primary caseworker',
  })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

  @NeighbourhoodFilter()
  neighbourhood?: string;
}
