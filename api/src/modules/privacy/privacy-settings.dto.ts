import { ApiProperty } from '@nestjs/swagger';
import type { PrivacySettings } from '@waakvlam/contracts';

export class PrivacySettingsDto implements PrivacySettings {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Years after a watch's end that its care file is kept (erasure refused); null: the default",
  })
  careFileRetentionYears!: number | null;

  @ApiProperty({ description: "The years that apply: the organisation's own, or CARE_FILE_RETENTION_YEARS" })
  effectiveCareFileRetentionYears!: number;

  @ApiProperty({
    description: 'Months after the last watch ended that the retention job anonymises a client',
  })
  clientRetentionMonths!: number;
}
