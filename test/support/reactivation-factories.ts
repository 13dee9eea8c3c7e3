import type { ReactivationSource } from '@waakvlam/contracts';
import type { DataSource } from 'typeorm';
import {
  type TestOrganisation,
  type TestUser,
  createClient,
  createTeam,
  createUser,
  createWatch,
} from './factories';

const HOUR_MS = 3_600_000;
/** `hours` after `at`; null when there are none (a step not reached). */
export const hoursAfter = (at: Date, hours: number | undefined): Date | null =>
  hours === undefined ? null : new Date(at.getTime() + hours * HOUR_MS);

/**
 * A reactivation request of a watch with its whole history given as hours after `createdAt`: accepted, first
 * contact, the SLA deadline, and how it ended (resolved with a resolution, or still at its step).
 */
export async function createReactivationRequest(
  db: DataSource,
  organisationId: string,
  watch: { id: string; clientId: string; assigneeId: string },
  options: {
    createdAt: Date;
    sources: ReactivationSource[];
    slaHours: number;
    acceptedAfterHours?: number;
    contactedAfterHours?: number;
    resolution?: 'back_to_watch' | 'support_resumed' | 'referred' | 'closed';
  },
): Promise<{ id: string }> {
  const accepted = hoursAfter(options.createdAt, options.acceptedAfterHours);
  const contacted = hoursAfter(options.createdAt, options.contactedAfterHours);
  const resolved = options.resolution ? (contacted ?? accepted ?? options.createdAt) : null;
  const status = resolved ? 'resolved' : contacted ? 'contacted' : accepted ? 'accepted' : 'open';
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO reactivation_requests (organisation_id, watch_id, client_id, status, resolution, urgency,
       assignee_id, sources, created_at, accepted_at, accepted_by, contacted_at, resolved_at, sla_due_at)
     VALUES ($1, $2, $3, $4, $5, 'normal', $6, $7::text[], $8, $9, CASE WHEN $9::timestamptz IS NULL THEN NULL
       ELSE $6::uuid END, $10, $11, $12)
     RETURNING id`,
    [
      organisationId,
      watch.id,
      watch.clientId,
      status,
      options.resolution ?? null,
      watch.assigneeId,
      options.sources,
      options.createdAt,
      accepted,
      contacted,
      resolved,
      hoursAfter(options.createdAt, options.slaHours),
    ],
  );
  return row;
}

/** The timeline of a request that stands at `step` now (each step reached at its creation). */
export function reactivationAtStep(
  step: 'open' | 'accepted' | 'contacted' | 'resolved',
): Parameters<typeof createReactivationRequest>[3] {
  const reached = ['open', 'accepted', 'contacted', 'resolved'].indexOf(step);
  return {
    createdAt: new Date(),
    sources: ['coordinator'],
    slaHours: 24,
    acceptedAfterHours: reached >= 1 ? 0 : undefined,
    contactedAfterHours: reached >= 2 ? 0 : undefined,
    resolution: reached >= 3 ? 'back_to_watch' : undefined,
  };
}

/** An organisation with a coordinator, a primary and a backup caseworker, and one client with an active watch. */
export interface ReactivationScenario {
  organisation: TestOrganisation;
  admin: TestUser;
  coordinator: TestUser;
  caseworker: TestUser;
  backup: TestUser;
  client: { id: string; name: string; reference: string };
  watchId: string;
}

export async function createReactivationScenario(
  db: DataSource,
  options: {
    status?: 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended';
    missedInRow?: number;
    lapseThreshold?: number;
    withBackup?: boolean;
  } = {},
): Promise<ReactivationScenario> {
  const team = await createTeam(db);
  const backup = await createUser(db, team.organisation.id, { role: 'caseworker' });
  const client = await createClient(db, team.organisation.id, team.coordinator.id, {
    name: `Geheime Naam ${Date.now()}`,
  });
  const watch = await createWatch(db, team.organisation.id, client.id, team.caseworker.id, {
    backupCaseworkerId: options.withBackup === false ? null : backup.id,
    status: options.status,
    missedInRow: options.missedInRow,
    lapseThreshold: options.lapseThreshold,
  });
  return { ...team, backup, client, watchId: watch.id };
}

/** Another watch (with its own client) in the scenario's organisation, same caseworkers. */
export async function addWatch(db: DataSource, s: ReactivationScenario): Promise<string> {
  const client = await createClient(db, s.organisation.id, s.coordinator.id);
  const watch = await createWatch(db, s.organisation.id, client.id, s.caseworker.id, {
    backupCaseworkerId: s.backup.id,
  });
  return watch.id;
}

/** An absence of a user, both days included. */
export async function createAbsence(
  db: DataSource,
  organisationId: string,
  userId: string,
  startsOn: string,
  endsOn: string,
  createdBy: string = userId,
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO user_absences (organisation_id, user_id, starts_on, ends_on, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [organisationId, userId, startsOn, endsOn, createdBy],
  );
  return row;
}

/** A user's reactivation capacity (null: no limit). */
export async function setCapacity(db: DataSource, userId: string, capacity: number | null): Promise<void> {
  await db.query(`UPDATE users SET reactivation_capacity = $2 WHERE id = $1`, [userId, capacity]);
}

/** The organisation's SLA settings (working hours per urgency, the working day). */
export async function setSlaSettings(
  db: DataSource,
  organisationId: string,
  settings: { urgentHours?: number; normalHours?: number; start?: string; end?: string },
): Promise<void> {
  await db.query(
    `UPDATE organisations
     SET sla_urgent_working_hours = coalesce($2, sla_urgent_working_hours),
         sla_normal_working_hours = coalesce($3, sla_normal_working_hours),
         working_hours_start = coalesce($4, working_hours_start),
         working_hours_end = coalesce($5, working_hours_end)
     WHERE id = $1`,
    [
      organisationId,
      settings.urgentHours ?? null,
      settings.normalHours ?? null,
      settings.start ?? null,
      settings.end ?? null,
    ],
  );
}

export interface RequestRow {
  id: string;
  watch_id: string;
  status: string;
  resolution: string | null;
  urgency: string;
  assignee_id: string | null;
  sources: string[];
  created_by: string | null;
  sla_due_at: Date;
  accepted_at: Date | null;
  contacted_at: Date | null;
}

/** Every request of a watch, oldest first. */
export async function requestsOf(db: DataSource, watchId: string): Promise<RequestRow[]> {
  return db.query(
    `SELECT id, watch_id, status, resolution, urgency, assignee_id, sources, created_by, sla_due_at, accepted_at,
            contacted_at
     FROM reactivation_requests WHERE watch_id = $1 ORDER BY created_at, id`,
    [watchId],
  );
}

/** The reasons merged into a request, in order. */
export async function reasonsOf(
  db: DataSource,
  requestId: string,
): Promise<Array<{ source: string; urgency: string; reason: string; actor_id: string | null }>> {
  return db.query(
    `SELECT source, urgency, reason, actor_id FROM reactivation_reasons WHERE request_id = $1 ORDER BY created_at, id`,
    [requestId],
  );
}

/** The request's timers by kind and state. */
export async function slaTimersOf(
  db: DataSource,
  requestId: string,
): Promise<Array<{ id: string; kind: string; state: string; fire_at: Date }>> {
  return db.query(
    `SELECT id::text AS id, kind, state, fire_at FROM timers WHERE subject_id = $1 ORDER BY kind, id`,
    [requestId],
  );
}

/** The watch's status, streak and planned check-in. */
export async function watchState(
  db: DataSource,
  watchId: string,
): Promise<{ status: string; missed_in_row: number; planned: Array<{ id: string; due_date: string }> }> {
  const [watch]: Array<{ status: string; missed_in_row: number }> = await db.query(
    `SELECT status, missed_in_row FROM watches WHERE id = $1`,
    [watchId],
  );
  const planned: Array<{ id: string; due_date: string }> = await db.query(
    `SELECT id, due_date::text AS due_date FROM check_ins WHERE watch_id = $1 AND status = 'planned'`,
    [watchId],
  );
  return { ...watch, planned };
}

/** The types of the watch's events, oldest first. */
export async function eventTypes(db: DataSource, watchId: string): Promise<string[]> {
  const rows: Array<{ type: string }> = await db.query(
    `SELECT type FROM watch_events WHERE watch_id = $1 ORDER BY at, seq`,
    [watchId],
  );
  return rows.map((r) => r.type);
}

/** The outbox messages of an organisation (recipient, subject, body), oldest first. */
export async function mailsOf(
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
