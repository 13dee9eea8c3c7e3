import { SessionEntity } from '../auth/session.entity';
import { OrganisationEntity } from '../../modules/organisations/organisation.entity';
import { PartnerOrganisationEntity } from '../../modules/organisations/partner-organisation.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { CreateOrganisationsUsersSessions1795367499088 } from './migrations/1795367499088-CreateOrganisationsUsersSessions';

/** Every entity, listed explicitly (no globs) so the build, the tests and the CLI see the same set. */
export const ENTITIES = [OrganisationEntity, PartnerOrganisationEntity, UserEntity, SessionEntity];

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [CreateOrganisationsUsersSessions1795367499088];
