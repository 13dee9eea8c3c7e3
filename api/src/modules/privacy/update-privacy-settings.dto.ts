import { ApiProperty } from '@nestjs/swagger';
import { CARE_FILE_RETENTION_YEARS_MAX, type UpdatePrivacySettingsRequest } from '@waakvlam/contracts';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class UpdatePrivacySettingsDto implements UpdatePrivacySettingsRequest {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: CARE_FILE_RETENTION_YEARS_MAX,
    description:
      '0: Waakvlam holds no care file (erasure once care ended); e.g. 20 when it is part of a WGBO or Jeugdwet file; ' +
      "null: the service's default",
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(CARE_FILE_RETENTION_YEARS_MAX)
  careFileRetentionYears!: number | null;
}
