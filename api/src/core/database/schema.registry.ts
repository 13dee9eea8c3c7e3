import { SessionEntity } from '../auth/session.entity';
import { OrganisationEntity } from '../../modules/organisations/organisation.entity';
import { PartnerOrganisationEntity } from '../../modules/organisations/partner-organisation.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { ClientPartnerConsentEntity } from '../../modules/clients/client-partner-consent.entity';
import { ClientEntity } from '../../modules/clients/client.entity';
import { CheckInEntity } from '../../modules/check-ins/check-in.entity';
import { WatchEventEntity } from '../../modules/watches/watch-event.entity';
import { WatchEntity } from '../../modules/watches/watch.entity';
import { CreateOrganisationsUsersSessions1795367499088 } from './migrations/1795367499088-CreateOrganisationsUsersSessions';
import { CreateClientsWatchesCheckIns1795400000000 } from './migrations/1795400000000-CreateClientsWatchesCheckIns';
import { CreateNotifications1795410000000 } from './migrations/1795410000000-CreateNotifications';
import { CreateTimers1795420000000 } from './migrations/1795420000000-CreateTimers';
import { CreateReactivations1795430000000 } from './migrations/1795430000000-CreateReactivations';
import { CreateSignals1795440000000 } from './migrations/1795440000000-CreateSignals';
import { AddReactivationCapacity1795450000000 } from './migrations/1795450000000-AddReactivationCapacity';
import { AddCheckInHandover1795460000000 } from './migrations/1795460000000-AddCheckInHandover';
import { CreateAuditEvents1795470000000 } from './migrations/1795470000000-CreateAuditEvents';
import { AddCheckInOverviewIndex1795475000000 } from './migrations/1795475000000-AddCheckInOverviewIndex';
import { AddDashboardIndexes1795480000000 } from './migrations/1795480000000-AddDashboardIndexes';
import { CreateCheckInTallies1795490000000 } from './migrations/1795490000000-CreateCheckInTallies';
import { EnableRowLevelSecurity1795495000000 } from './migrations/1795495000000-EnableRowLevelSecurity';
import { AddClientAnonymisation1795520000000 } from './migrations/1795520000000-AddClientAnonymisation';
import { HardenSignIn1795500000000 } from './migrations/1795500000000-HardenSignIn';
import { ChainAuditEvents1795510000000 } from './migrations/1795510000000-ChainAuditEvents';
import { AddRedisEpochs1795530000000 } from './migrations/1795530000000-AddRedisEpochs';

/** Every entity, listed explicitly (no globs) so the build, the tests and the CLI see the same set. */
export const ENTITIES = [
  OrganisationEntity,
  PartnerOrganisationEntity,
  UserEntity,
  SessionEntity,
  ClientEntity,
  ClientPartnerConsentEntity,
  WatchEntity,
  WatchEventEntity,
  CheckInEntity,
];

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [
  CreateOrganisationsUsersSessions1795367499088,
  CreateClientsWatchesCheckIns1795400000000,
  CreateNotifications1795410000000,
  CreateTimers1795420000000,
  CreateReactivations1795430000000,
  CreateSignals1795440000000,
  AddReactivationCapacity1795450000000,
  AddCheckInHandover1795460000000,
  CreateAuditEvents1795470000000,
  AddCheckInOverviewIndex1795475000000,
  AddDashboardIndexes1795480000000,
  CreateCheckInTallies1795490000000,
  EnableRowLevelSecurity1795495000000,
  AddClientAnonymisation1795520000000,
  HardenSignIn1795500000000,
  ChainAuditEvents1795510000000,
  AddRedisEpochs1795530000000,
];
