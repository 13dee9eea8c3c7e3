import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type SignalCategory,
  type SignalStatus,
} from '@waakvlam/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

export class ListSignalsQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES, description: 'Only signals with this status' })
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: SignalStatus;

  @ApiPropertyOptional({ enum: SIGNAL_CATEGORIES, description: 'Only signals of this category' })
  @IsOptional()
  @IsIn(SIGNAL_CATEGORIES)
  category?: SignalCategory;
}
