import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  REACTIVATION_LIST_SORTS,
  REACTIVATION_STATUSES,
  REACTIVATION_URGENCIES,
  type ReactivationListSort,
  type ReactivationStatus,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListReactivationsQuery extends PaginationQueryDto {
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
}
