import { ApiPropertyOptional } from '@nestjs/swagger';
import { REACTIVATION_STATUSES, type ReactivationStatus } from '@waakvlam/contracts';
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
}
