import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

export class ListClientsQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, reference or postcode, ignoring case.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
