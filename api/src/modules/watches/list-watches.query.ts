import { ApiPropertyOptional } from '@nestjs/swagger';
import { WATCH_STATUSES, type WatchStatus } from '@waakvlam/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

export class ListWatchesQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: WATCH_STATUSES })
  @IsOptional()
  @IsIn(WATCH_STATUSES)
  status?: WatchStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Watches with this primary or backup caseworker' })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;

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
}
