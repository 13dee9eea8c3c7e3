import { ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '@waakvlam/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

export class ListUsersQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;
}
