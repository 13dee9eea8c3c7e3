import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CADENCE_LIMITS,
  CONTACT_MODES,
  type ContactMode,
  type CreateWatchRequest,
} from '@waakvlam/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';
import { SignaleringsplanDto } from './signaleringsplan.dto';

const { minDays, maxDays } = CADENCE_LIMITS;

export class CreateWatchDto implements CreateWatchRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ format: 'uuid', description: 'An active caseworker of your organisation' })
  @IsUUID()
  primaryCaseworkerId!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  backupCaseworkerId?: string | null;

  @ApiProperty({ minimum: minDays, maximum: maxDays })
  @IsInt()
  @Min(minDays)
  @Max(maxDays)
  intervalDays!: number;

  @ApiPropertyOptional({ minimum: minDays, maximum: maxDays, description: 'Default: max(7, interval / 2)' })
  @IsOptional()
  @IsInt()
  @Min(minDays)
  @Max(maxDays)
  minIntervalDays?: number;

  @ApiPropertyOptional({ minimum: minDays, maximum: maxDays, description: 'Default: min(90, interval × 2)' })
  @IsOptional()
  @IsInt()
  @Min(minDays)
  @Max(maxDays)
  maxIntervalDays?: number;

  @ApiProperty({ enum: CONTACT_MODES })
  @IsIn(CONTACT_MODES)
  contactMode!: ContactMode;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  agreements?: string;

  @ApiPropertyOptional({ type: SignaleringsplanDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignaleringsplanDto)
  signaleringsplan?: SignaleringsplanDto;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: start date + 12 months' })
  @IsOptional()
  @IsCalendarDate()
  reviewDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  lapseThreshold?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10,
    default: 2,
    description:
      'Working days before the due date that the client gets a pre-notice (with consent); 0: none.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  preNoticeWorkingDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 20, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  gracePeriodDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  reopenPeriodMonths?: number;
}
