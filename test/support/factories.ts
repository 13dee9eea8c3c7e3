import { randomUUID } from 'node:crypto';
import type { PartnerKind, UserRole } from '@waakvlam/contracts';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../../api/src/core/auth/password-hasher.service';

export const TEST_PASSWORD = 'test-password-2026';

const hasher = new PasswordHasher();
let hashed: Promise<string> | undefined;
/** Hashing is deliberately slow; every test user shares one hash of TEST_PASSWORD. */
const passwordHash = (): Promise<string> => (hashed ??= hasher.hash(TEST_PASSWORD));

const unique = (): string => randomUUID().slice(0, 8);

export interface TestOrganisation {
  id: string;
  name: string;
}

export async function createOrganisation(
  db: DataSource,
  name = `Team ${unique()}`,
): Promise<TestOrganisation> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO organisations (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return { id: row.id, name };
}

export async function createPartnerOrganisation(
  db: DataSource,
  organisationId: string,
  kind: PartnerKind = 'housing_corporation',
): Promise<{ id: string; name: string }> {
  const name = `Partner ${unique()}`;
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO partner_organisations (organisation_id, name, kind) VALUES ($1, $2, $3) RETURNING id`,
    [organisationId, name, kind],
  );
  return { id: row.id, name };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  organisationId: string;
}

export async function createUser(
  db: DataSource,
  organisationId: string,
  options: { role?: UserRole; partnerOrganisationId?: string; active?: boolean; email?: string } = {},
): Promise<TestUser> {
  const role = options.role ?? 'coordinator';
  const email = options.email ?? `${role}-${unique()}@test.waakvlam.nl`;
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO users (organisation_id, partner_organisation_id, email, display_name, role, password_hash, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      organisationId,
      options.partnerOrganisationId ?? null,
      email,
      `Test ${role} ${unique()}`,
      role,
      await passwordHash(),
      options.active ?? true,
    ],
  );
  return { id: row.id, email, password: TEST_PASSWORD, role, organisationId };
}

/** An organisation with one user of each staff role. */
export async function createTeam(db: DataSource): Promise<{
  organisation: TestOrganisation;
  admin: TestUser;
  coordinator: TestUser;
  caseworker: TestUser;
}> {
  const organisation = await createOrganisation(db);
  const [admin, coordinator, caseworker] = await Promise.all([
    createUser(db, organisation.id, { role: 'admin' }),
    createUser(db, organisation.id, { role: 'coordinator' }),
    createUser(db, organisation.id, { role: 'caseworker' }),
  ]);
  return { organisation, admin, coordinator, caseworker };
}

/** A partner user (ketenpartner) of a new partner organisation of the given organisation. */
export async function createPartnerUser(
  db: DataSource,
  organisationId: string,
  kind: PartnerKind = 'housing_corporation',
): Promise<{ user: TestUser; partner: { id: string; name: string } }> {
  const partner = await createPartnerOrganisation(db, organisationId, kind);
  const user = await createUser(db, organisationId, { role: 'partner', partnerOrganisationId: partner.id });
  return { user, partner };
}

let clientCounter = 0;

/** A client of the organisation, straight into the database (recordedBy: a staff user of the same organisation). */
export async function createClient(
  db: DataSource,
  organisationId: string,
  recordedBy: string,
  options: {
    name?: string;
    reference?: string;
    postcode?: string;
    neighbourhood?: string | null;
    email?: string | null;
    consentEmailReminders?: boolean;
  } = {},
): Promise<{ id: string; name: string; reference: string; postcode: string }> {
  clientCounter += 1;
  const name = options.name ?? `Inwoner ${unique()}`;
  const reference = options.reference ?? `REF-${unique()}-${clientCounter}`;
  const postcode = options.postcode ?? '1234AB';
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO clients (organisation_id, reference, name, preferred_channel, postcode, house_number, neighbourhood,
       legal_basis, consent_email_reminders, consent_recorded_by, email)
     VALUES ($1, $2, $3, 'phone', $4, '1', $5, 'consent', $7, $6, $8) RETURNING id`,
    [
      organisationId,
      reference,
      name,
      postcode,
      options.neighbourhood ?? null,
      recordedBy,
      options.consentEmailReminders ?? false,
      options.email ?? null,
    ],
  );
  return { id: row.id, name, reference, postcode };
}

/** A watch row, straight into the database (no check-in planned; see createCheckIn). */
export async function createWatch(
  db: DataSource,
  organisationId: string,
  clientId: string,
  primaryCaseworkerId: string,
  options: {
    backupCaseworkerId?: string | null;
    status?: 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended';
    intervalDays?: number;
    endedAt?: Date;
    contactMode?: 'phone' | 'visit' | 'message' | 'self';
    lapseThreshold?: number;
    missedInRow?: number;
    preNoticeWorkingDays?: number;
  } = {},
): Promise<{ id: string }> {
  const status = options.status ?? 'active';
  const interval = options.intervalDays ?? 14;
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO watches (organisation_id, client_id, status, primary_caseworker_id, backup_caseworker_id,
       interval_days, min_interval_days, max_interval_days, contact_mode, signaleringsplan, start_date, review_date,
       ended_at, end_reason, lapse_threshold, missed_in_row, pre_notice_working_days)
     VALUES ($1, $2, $3, $4, $5, $6, 7, 90, $9, '{"green":{"signs":"","actions":""},"orange":{"signs":"","actions":""},"red":{"signs":"","actions":""}}',
       current_date - 30, current_date + 335, $7, $8, $10, $11, $12)
     RETURNING id`,
    [
      organisationId,
      clientId,
      status,
      primaryCaseworkerId,
      options.backupCaseworkerId ?? null,
      interval,
      status === 'ended' ? (options.endedAt ?? new Date()) : null,
      status === 'ended' ? 'other' : null,
      options.contactMode ?? 'phone',
      options.lapseThreshold ?? 2,
      options.missedInRow ?? 0,
      options.preNoticeWorkingDays ?? 2,
    ],
  );
  return { id: row.id };
}

/** A check-in row of a watch; planned by default, with the grace period ending on the due date. */
export async function createCheckIn(
  db: DataSource,
  organisationId: string,
  watchId: string,
  caseworkerId: string,
  options: { dueDate: string; graceEndsOn?: string; status?: 'planned' | 'missed' | 'cancelled' },
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      organisationId,
      watchId,
      caseworkerId,
      options.dueDate,
      options.graceEndsOn ?? options.dueDate,
      options.status ?? 'planned',
    ],
  );
  return { id: row.id };
}

/** A notification row as the outbox would hold it (no job is queued). */
export async function createNotification(
  db: DataSource,
  organisationId: string,
  options: { status?: 'pending' | 'sending' | 'sent' | 'dead'; subject?: string; createdAt?: Date } = {},
): Promise<{ id: string }> {
  const status = options.status ?? 'pending';
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO notifications (organisation_id, idempotency_key, recipient, locale, subject, body_text, status,
       attempts, last_error, created_at, sent_at)
     VALUES ($1, $2, $3, 'nl', $4, 'Hallo', $5, $6, $7, $8, CASE WHEN $5 = 'sent' THEN now() END)
     RETURNING id`,
    [
      organisationId,
      `test-${randomUUID()}`,
      `inwoner-${unique()}@example.nl`,
      options.subject ?? `Bericht ${unique()}`,
      status,
      status === 'dead' ? 8 : status === 'sent' ? 1 : 0,
      status === 'dead' ? '550 mailbox unavailable' : null,
      options.createdAt ?? new Date(),
    ],
  );
  return { id: row.id };
}

export type TestTimerKind =
  | 'check_in_pre_notice'
  | 'check_in_overdue'
  | 'check_in_grace_ended'
  | 'check_in_missed'
  | 'caseworker_digest';

/** A pending timer (as planning writes it); fires now unless told otherwise. */
export async function createTimer(
  db: DataSource,
  organisationId: string,
  kind: TestTimerKind,
  subjectId: string,
  fireAt: Date = new Date(),
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO timers (organisation_id, kind, subject_id, fire_at) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
    [organisationId, kind, subjectId, fireAt],
  );
  return row;
}
