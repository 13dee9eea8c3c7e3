import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ERASURE_REFUSALS,
  type ErasureCounts,
  type ErasureRefusal,
  type ErasureRefusalCode,
  type ErasureResult,
} from '@waakvlam/contracts';

export class ErasureRefusalDto implements ErasureRefusal {
  @ApiProperty({ enum: ERASURE_REFUSALS })
  code!: ErasureRefusalCode;

  @ApiPropertyOptional({ format: 'date-time', description: 'retention_period: erasure is allowed from then' })
  retainUntil?: string;
}

export class ErasureResultDto implements ErasureResult {
  @ApiProperty({ format: 'uuid' })
  clientId!: string;

  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'Whether the erasure is allowed now' })
  allowed!: boolean;

  @ApiProperty({ type: [ErasureRefusalDto], description: 'Why not (empty when allowed)' })
  refusals!: ErasureRefusalDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How many stored items are (or would be) removed or scrubbed, per kind',
  })
  counts!: ErasureCounts;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  anonymisedAt!: string | null;
}
