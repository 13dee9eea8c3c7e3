import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_REACTIVATION_CAPACITY, type UpdateUserRequest } from '@waakvlam/contracts';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** Only the fields sent change. */
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_REACTIVATION_CAPACITY,
    example: 8,
    description:
      'At most this many open reactivation requests assigned at once (0: none for now); null: no limit. ' +
      'Requests already assigned stay.',
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_REACTIVATION_CAPACITY)
  reactivationCapacity?: number | null;
}
