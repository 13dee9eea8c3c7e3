import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, USER_ROLES, type Me, type PartnerKind, type UserRole } from '@waakvlam/contracts';
import type { SessionUser } from './session-user.interface';

class MeOrganisationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) timeZone!: string;
}

class MePartnerOrganisationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: PartnerKind;
}

export class MeDto implements Me {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: MeOrganisationDto }) organisation!: MeOrganisationDto;
  @ApiProperty({ type: MePartnerOrganisationDto, nullable: true })
  partnerOrganisation!: MePartnerOrganisationDto | null;
  @ApiProperty({ format: 'date-time' }) sessionExpiresAt!: string;

  static from(session: SessionUser): Me {
    return {
      id: session.userId,
      email: session.email,
      displayName: session.displayName,
      role: session.role,
      organisation: {
        id: session.organisationId,
        name: session.organisationName,
        timeZone: session.timeZone,
      },
      partnerOrganisation:
        session.partnerOrganisationId && session.partnerOrganisationName && session.partnerKind
          ? {
              id: session.partnerOrganisationId,
              name: session.partnerOrganisationName,
              kind: session.partnerKind,
            }
          : null,
      sessionExpiresAt: session.absoluteExpiresAt.toISOString(),
    };
  }
}
