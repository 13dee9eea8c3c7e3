import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERASURE_REASONS, type ErasureReason, type ErasureRequest } from '@waakvlam/contracts';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class ErasureRequestDto implements ErasureRequest {
  @ApiProperty({ enum: ERASURE_REASONS, description: 'Why the data is erased; recorded in the audit log' })
  @IsIn(ERASURE_REASONS)
  reason!: ErasureReason;

  @ApiPropertyOptional({ description: 'True: a preview of what would be removed and whether it is allowed' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
