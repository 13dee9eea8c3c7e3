import type { DataSource } from 'typeorm';
import { newPartnerReference } from '../../api/src/modules/signals/partner-reference.util';
import {
  createClient,
  createPartnerUser,
  createTeam,
  createUser,
  createWatch,
  type TestOrganisation,
  type TestUser,
} from './factories';

/** The client consents to sharing (signal) data with the partner organisation. */
export async function giveSharingConsent(
  db: DataSource,
  organisationId: string,
  clientId: string,
  partnerOrganisationId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO client_partner_consents (organisation_id, client_id, partner_organisation_id)
     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [organisationId, clientId, partnerOrganisationId],
  );
}

export async function withdrawSharingConsent(
  db: DataSource,
  clientId: string,
  partnerOrganisationId: string,
): Promise<void> {
  await db.query(
    `DELETE FROM client_partner_consents WHERE client_id = $1 AND partner_organisation_id = $2`,
    [clientId, partnerOrganisationId],
  );
}

/** The reference under which the partner knows the client, straight into the database. */
export async function createPartnerReference(
  db: DataSource,
  organisationId: string,
  clientId: string,
  partnerOrganisationId: string,
): Promise<string> {
  const reference = newPartnerReference();
  await db.query(
    `INSERT INTO client_partner_references (organisation_id, client_id, partner_organisation_id, reference)
     VALUES ($1, $2, $3, $4)`,
    [organisationId, clientId, partnerOrganisationId, reference],
  );
  return reference;
}

export async function setClientAddress(
  db: DataSource,
  clientId: string,
  postcode: string,
  houseNumber: string,
): Promise<void> {
  await db.query(`UPDATE clients SET postcode = $2, house_number = $3 WHERE id = $1`, [
    clientId,
    postcode,
    houseNumber,
  ]);
}

export interface SignalScenario {
  organisation: TestOrganisation;
  admin: TestUser;
  coordinator: TestUser;
  caseworker: TestUser;
  /** The partner organisation and its user, who files signals. */
  partner: { id: string; name: string };
  partnerUser: TestUser;
  /** Another partner organisation of the same organisation, with its own user. */
  otherPartner: { id: string; name: string };
  otherPartnerUser: TestUser;
  /** A client who consented to sharing with `partner` (not with `otherPartner`), with an active watch. */
  client: { id: string; name: string; reference: string; postcode: string };
  watchId: string;
  /** The client's reference for `partner`. */
  partnerReference: string;
}

/** An organisation with staff, two partners with a user each, and a sharing client with an active watch. */
export async function createSignalScenario(db: DataSource): Promise<SignalScenario> {
  const team = await createTeam(db);
  const organisationId = team.organisation.id;
  const { user: partnerUser, partner } = await createPartnerUser(db, organisationId);
  const { user: otherPartnerUser, partner: otherPartner } = await createPartnerUser(
    db,
    organisationId,
    'police',
  );
  const client = await createClient(db, organisationId, team.coordinator.id, {
    name: `Geheime Inwoner ${Date.now()}`,
  });
  const watch = await createWatch(db, organisationId, client.id, team.caseworker.id);
  await giveSharingConsent(db, organisationId, client.id, partner.id);
  const partnerReference = await createPartnerReference(db, organisationId, client.id, partner.id);
  return {
    ...team,
    partner,
    partnerUser,
    otherPartner,
    otherPartnerUser,
    client,
    watchId: watch.id,
    partnerReference,
  };
}

/** A second coordinator of the organisation (the nudge goes to every active coordinator). */
export async function createCoordinator(db: DataSource, organisationId: string): Promise<TestUser> {
  return createUser(db, organisationId, { role: 'coordinator' });
}

/** A received signal about an address, straight into the database (no timer: see createFeedbackDueTimer). */
export async function createSignal(
  db: DataSource,
  organisationId: string,
  partnerOrganisationId: string,
  reportedByUserId: string,
  options: { receivedAt?: Date; firstFeedbackAt?: Date | null; category?: string } = {},
): Promise<{ id: string }> {
  const receivedAt = options.receivedAt ?? new Date();
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO signals (organisation_id, partner_organisation_id, reported_by_user_id, postcode, house_number,
       category, description, observed_on, received_at, updated_at, first_feedback_at)
     VALUES ($1, $2, $3, '1234AB', '1', $4, 'Test', $5::timestamptz::date, $5, $5, $6) RETURNING id`,
    [
      organisationId,
      partnerOrganisationId,
      reportedByUserId,
      options.category ?? 'nuisance',
      receivedAt,
      options.firstFeedbackAt ?? null,
    ],
  );
  return row;
}

/** A pending `signal_feedback_due` timer of a signal. */
export async function createFeedbackDueTimer(
  db: DataSource,
  organisationId: string,
  signalId: string,
  fireAt: Date,
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
     VALUES ($1, 'signal_feedback_due', $2, $3) RETURNING id::text AS id`,
    [organisationId, signalId, fireAt],
  );
  return row;
}

/** The signal's timers, oldest first. */
export async function signalTimers(
  db: DataSource,
  signalId: string,
): Promise<Array<{ id: string; kind: string; state: string; fire_at: Date }>> {
  return db.query(
    `SELECT id::text AS id, kind, state, fire_at FROM timers WHERE subject_id = $1 ORDER BY id`,
    [signalId],
  );
}

/** Every outbox message of the organisation, oldest first. */
export async function outbox(
  db: DataSource,
  organisationId: string,
): Promise<
  Array<{ id: string; recipient: string; subject: string; body_text: string; idempotency_key: string }>
> {
  return db.query(
    `SELECT id, recipient, subject, body_text, idempotency_key FROM notifications
     WHERE organisation_id = $1 ORDER BY created_at, id`,
    [organisationId],
  );
}
