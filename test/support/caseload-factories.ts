import type { DataSource } from 'typeorm';
import { createClient, createTeam, createUser, createWatch, type TestUser } from './factories';

/** A caseworker with a known display name (lists sort by it). */
export async function createNamedCaseworker(
  db: DataSource,
  organisationId: string,
  displayName: string,
  options: { active?: boolean } = {},
): Promise<TestUser & { displayName: string }> {
  const user = await createUser(db, organisationId, { role: 'caseworker', active: options.active });
  await db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [user.id, displayName]);
  return { ...user, displayName };
}

/** A team (admin, coordinator, caseworker) plus three caseworkers with known names: Anna, Bram and Cees. */
export async function createCaseloadTeam(db: DataSource) {
  const team = await createTeam(db);
  const org = team.organisation.id;
  const [anna, bram, cees] = await Promise.all([
    createNamedCaseworker(db, org, 'Anna Aalders'),
    createNamedCaseworker(db, org, 'Bram Bos'),
    createNamedCaseworker(db, org, 'Cees Claassen'),
  ]);
  return { ...team, org, anna, bram, cees };
}

/** A new client with a watch of the given caseworkers; returns the watch's and the client's id and the client's reference. */
export async function createClientWatch(
  db: DataSource,
  organisationId: string,
  recordedBy: string,
  primaryId: string,
  options: {
    backupId?: string | null;
    status?: 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended';
    reference?: string;
  } = {},
): Promise<{ watchId: string; clientId: string; reference: string }> {
  const client = await createClient(db, organisationId, recordedBy, { reference: options.reference });
  const watch = await createWatch(db, organisationId, client.id, primaryId, {
    backupCaseworkerId: options.backupId ?? null,
    status: options.status,
  });
  return { watchId: watch.id, clientId: client.id, reference: client.reference };
}

/** A watch's planned check-in: who has it and whom it was handed over from. */
export async function plannedCheckInOf(
  db: DataSource,
  watchId: string,
): Promise<
  { id: string; caseworker_id: string; handed_over_from: string | null; due_date: string } | undefined
> {
  const [row] = await db.query(
    `SELECT id, caseworker_id, handed_over_from, due_date::text AS due_date FROM check_ins
     WHERE watch_id = $1 AND status = 'planned'`,
    [watchId],
  );
  return row;
}

/** A watch's caseworkers. */
export async function caseworkersOf(
  db: DataSource,
  watchId: string,
): Promise<{ primary_caseworker_id: string; backup_caseworker_id: string | null }> {
  const [row] = await db.query(
    `SELECT primary_caseworker_id, backup_caseworker_id FROM watches WHERE id = $1`,
    [watchId],
  );
  return row;
}

/** A watch's `caseworkers_changed` events, oldest first. */
export async function caseworkerEventsOf(
  db: DataSource,
  watchId: string,
): Promise<Array<{ actor_id: string | null; reason: string | null; details: Record<string, unknown> }>> {
  return db.query(
    `SELECT actor_id, reason, details FROM watch_events
     WHERE watch_id = $1 AND type = 'caseworkers_changed' ORDER BY at, seq`,
    [watchId],
  );
}
