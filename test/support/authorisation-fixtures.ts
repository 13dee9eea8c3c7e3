import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  type TestUser,
  createCheckIn,
  createClient,
  createNotification,
  createPartnerUser,
  createTeam,
  createUser,
  createWatch,
} from './factories';
import { createAbsence, createReactivationRequest, reactivationAtStep } from './reactivation-factories';
import { createSelfCheckIn } from './self-check-in-factories';
import { createPartnerReference, createSignal, giveSharingConsent } from './signal-factories';

/**
 * The people the authorisation matrix signs in as. "Own" and "other" are relative to the target resources of
 * organisation A; the `...B` personas are staff of organisation B acting on organisation A's resources.
 */
export const PERSONAS = [
  'anonymous',
  'admin',
  'coordinator',
  'caseworker',
  'otherCaseworker',
  'partner',
  'otherPartner',
  'adminB',
  'coordinatorB',
  'caseworkerB',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** Personas that must not learn whether organisation A's target resources exist. */
export const OUTSIDERS: readonly Persona[] = [
  'otherCaseworker',
  'otherPartner',
  'adminB',
  'coordinatorB',
  'caseworkerB',
];

const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface AuthorisationFixtures {
  organisationId: string;
  organisationBId: string;
  /** Every persona's account (anonymous has none). */
  users: Record<Exclude<Persona, 'anonymous'>, TestUser>;
  /** The partner organisation of `partner` (owns the target signal) and that of `otherPartner`. */
  partnerId: string;
  otherPartnerId: string;
  /** The target client: one active watch whose primary caseworker is `caseworker`. */
  clientId: string;
  watchId: string;
  checkInId: string;
  /** Reactivation requests of the caseworker's watches, assigned to her, one per state. */
  reactivations: { open: string; accepted: string; contacted: string; resolved: string };
  /** A received signal of each partner organisation. */
  signalId: string;
  otherSignalId: string;
  absenceId: string;
  apiKeyId: string;
  notificationId: string;
  selfCheckInToken: string;
  /** Ids of organisation A's target resources: none may appear in an outsider's successful answer. */
  targetIds: string[];
}

/** Builds organisation A (staff, two partners, a client on the caseworker's caseload and all around it) and B. */
export async function createAuthorisationFixtures(db: DataSource): Promise<AuthorisationFixtures> {
  const a = await createTeam(db);
  const organisationId = a.organisation.id;
  const otherCaseworker = await createUser(db, organisationId, { role: 'caseworker' });
  const { user: partner, partner: partnerOrg } = await createPartnerUser(db, organisationId);
  const { user: otherPartner, partner: otherPartnerOrg } = await createPartnerUser(
    db,
    organisationId,
    'police',
  );
  const b = await createTeam(db);

  const fixtures = new AuthorisationFactory(db, organisationId, a.coordinator.id, a.caseworker.id);
  const target = await fixtures.watch();
  await giveSharingConsent(db, organisationId, target.clientId, partnerOrg.id);
  await createPartnerReference(db, organisationId, target.clientId, partnerOrg.id);
  // The other caseworker and organisation B have caseloads of their own, so their lists are not empty.
  const elsewhere = await createClient(db, organisationId, a.coordinator.id);
  await createWatch(db, organisationId, elsewhere.id, otherCaseworker.id);
  const clientB = await createClient(db, b.organisation.id, b.coordinator.id);
  await createWatch(db, b.organisation.id, clientB.id, b.caseworker.id);

  const reactivations = {
    open: await fixtures.reactivation('open'),
    accepted: await fixtures.reactivation('accepted'),
    contacted: await fixtures.reactivation('contacted'),
    resolved: await fixtures.reactivation('resolved'),
  };
  const signalId = await fixtures.signal(partnerOrg.id, partner.id);
  const otherSignalId = await fixtures.signal(otherPartnerOrg.id, otherPartner.id);
  const absenceId = await fixtures.absence();
  const apiKeyId = await fixtures.apiKey(partnerOrg.id);
  const notificationId = await fixtures.deadNotification();
  const selfCheckIn = await createSelfCheckIn(db);

  const users = {
    admin: a.admin,
    coordinator: a.coordinator,
    caseworker: a.caseworker,
    otherCaseworker,
    partner,
    otherPartner,
    adminB: b.admin,
    coordinatorB: b.coordinator,
    caseworkerB: b.caseworker,
  };
  return {
    organisationId,
    organisationBId: b.organisation.id,
    users,
    partnerId: partnerOrg.id,
    otherPartnerId: otherPartnerOrg.id,
    clientId: target.clientId,
    watchId: target.watchId,
    checkInId: target.checkInId,
    reactivations,
    signalId,
    otherSignalId,
    absenceId,
    apiKeyId,
    notificationId,
    selfCheckInToken: selfCheckIn.token,
    targetIds: [
      target.clientId,
      target.watchId,
      target.checkInId,
      ...Object.values(reactivations),
      signalId,
      absenceId,
      apiKeyId,
      notificationId,
    ],
  };
}

/** Fresh resources of organisation A, for cells whose request changes what it acts on. */
export class AuthorisationFactory {
  constructor(
    readonly dataSource: DataSource,
    readonly organisationId: string,
    private readonly coordinatorId: string,
    /** The own caseworker: primary of every watch made here. */
    private readonly caseworkerId: string,
  ) {}

  /** A client (no watch). */
  async client(): Promise<string> {
    return (await createClient(this.dataSource, this.organisationId, this.coordinatorId)).id;
  }

  /** A client with an active watch of the caseworker and its planned check-in, due today. */
  async watch(
    status: 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended' = 'active',
  ): Promise<{ clientId: string; watchId: string; checkInId: string }> {
    const clientId = await this.client();
    const watch = await createWatch(this.dataSource, this.organisationId, clientId, this.caseworkerId, {
      status,
    });
    const checkIn = await createCheckIn(this.dataSource, this.organisationId, watch.id, this.caseworkerId, {
      dueDate: day(0),
      graceEndsOn: day(7),
    });
    return { clientId, watchId: watch.id, checkInId: checkIn.id };
  }

  /** A reactivation request at `step`, on a new watch of the caseworker (reactivated once accepted), assigned to her. */
  async reactivation(step: 'open' | 'accepted' | 'contacted' | 'resolved'): Promise<string> {
    const { clientId, watchId } = await this.watch(
      step === 'open' || step === 'resolved' ? 'active' : 'reactivated',
    );
    const request = await createReactivationRequest(
      this.dataSource,
      this.organisationId,
      { id: watchId, clientId, assigneeId: this.caseworkerId },
      reactivationAtStep(step),
    );
    return request.id;
  }

  /** A received signal of the partner organisation about an address. */
  async signal(partnerOrganisationId: string, reportedBy: string): Promise<string> {
    return (await createSignal(this.dataSource, this.organisationId, partnerOrganisationId, reportedBy)).id;
  }

  /** A triaged (forwarded) signal, ready to be handled. */
  async triagedSignal(partnerOrganisationId: string, reportedBy: string): Promise<string> {
    const id = await this.signal(partnerOrganisationId, reportedBy);
    await this.dataSource.query(
      `UPDATE signals SET status = 'triaged', triage_decision = 'forwarded', triage_reason = 'test',
         triaged_at = now(), triaged_by = $2, updated_at = now() WHERE id = $1`,
      [id, this.coordinatorId],
    );
    return id;
  }

  /** A future absence of the caseworker. */
  async absence(userId = this.caseworkerId): Promise<string> {
    return (await createAbsence(this.dataSource, this.organisationId, userId, day(30), day(32))).id;
  }

  /** An API key of the partner organisation (its secret is never needed here). */
  async apiKey(partnerOrganisationId: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO partner_api_keys (organisation_id, partner_organisation_id, name, key_prefix, key_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        this.organisationId,
        partnerOrganisationId,
        `Koppeling ${randomUUID().slice(0, 6)}`,
        randomBytes(4).toString('hex'),
        randomBytes(32),
        this.coordinatorId,
      ],
    );
    return row.id;
  }

  async deactivate(userId: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [userId]);
  }

  async deadNotification(): Promise<string> {
    return (await createNotification(this.dataSource, this.organisationId, { status: 'dead' })).id;
  }

  /** A staff or partner account of organisation A (e.g. one that a cell deactivates or whose password it changes). */
  async user(
    role: TestUser['role'],
    partnerOrganisationId?: string,
    organisationId = this.organisationId,
  ): Promise<TestUser> {
    return createUser(this.dataSource, organisationId, { role, partnerOrganisationId });
  }
}
