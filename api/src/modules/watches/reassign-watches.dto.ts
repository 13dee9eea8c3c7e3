import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REASSIGN_MAX_WATCHES,
  REASSIGN_REASON_MAX,
  REASSIGN_ROLES,
  type ReassignRole,
  type ReassignWatchesRequest,
} from '@waakvlam/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export class ReassignWatchesDto implements ReassignWatchesRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: REASSIGN_MAX_WATCHES,
    uniqueItems: true,
    description: "Unknown ids and another organisation's are skipped as not_found",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REASSIGN_MAX_WATCHES)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  watchIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'An active caseworker of your organisation' })
  @IsUUID()
  toCaseworkerId!: string;

  @ApiProperty({ enum: REASSIGN_ROLES, description: 'Which caseworker of each watch she becomes' })
  @IsIn(REASSIGN_ROLES)
  role!: ReassignRole;

  @ApiPropertyOptional({ maxLength: REASSIGN_REASON_MAX, description: "On each watch's timeline event" })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(REASSIGN_REASON_MAX)
  reason?: string;

  @ApiPropertyOptional({ description: 'True: answer what would change and change nothing' })
  @IsOptional()
  @IsBoolean()
  preview?: boolean;
}
