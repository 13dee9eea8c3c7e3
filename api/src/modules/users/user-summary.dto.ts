import { ApiProperty } from '@nestjs/swagger';
import { MAX_REACTIVATION_CAPACITY, USER_ROLES, type UserRole, type UserSummary } from '@waakvlam/contracts';

export class UserSummaryDto implements UserSummary {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true }) partnerOrganisationId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_REACTIVATION_CAPACITY,
    description:
      'At most this many open reactivation requests (open, accepted, contacted) assigned at once; assignment ' +
      'passes over a caseworker at capacity as over an absent one. Null: no limit.',
  })
  reactivationCapacity!: number | null;
}
