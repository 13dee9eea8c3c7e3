import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '@waakvlam/contracts';

export class UserSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true }) partnerOrganisationId!: string | null;
  @ApiProperty() active!: boolean;
}
