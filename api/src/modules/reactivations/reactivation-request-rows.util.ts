import type { ReactivationUrgency, WatchStatus } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import type { ReactivationInput } from './reactivation-requests.service';

/** A watch locked for a request, with what assignment and the SLA need. */
export interface LockedWatch {
  id: string;
  organisation_id: string;
  client_id: string;
  status: WatchStatus;
  primary_caseworker_id: string;
  primary_active: boolean;
  /** The primary caseworker's reactivation capacity; null: no limit. */
  primary_capacity: number | null;
  backup_caseworker_id: string | null;
  backup_active: boolean | null;
  backup_capacity: number | null;
  time_zone: string;
  extra_days_off: string[];
  sla_urgent_working_hours: number;
  sla_normal_working_hours: number;
  working_hours_start: string;
  working_hours_end: string;
}

/** A request as the upsert left it; `merged`: it was open already. */
export interface UpsertedRow {
  id: string;
  watch_id: string;
  organisation_id: string;
  status: string;
  urgency: ReactivationUrgency;
  previous_urgency: ReactivationUrgency | null;
  previous_due_at: Date | null;
  sla_due_at: Date;
  merged: boolean;
  reason_id: string;
}

/** Locks the watches in id order and reads what assignment and the SLA need, in one statement. */
export async function lockWatchesForRequests(
  tx: EntityManager,
  inputs: ReadonlyArray<{ organisationId: string; watchId: string }>,
): Promise<Map<string, LockedWatch>> {
  const rows: LockedWatch[] = await tx.query(
    `SELECT w.id, w.organisation_id, w.client_id, w.status, w.primary_caseworker_id, pu.active AS primary_active,
              pu.reactivation_capacity AS primary_capacity, w.backup_caseworker_id, bu.active AS backup_active,
              bu.reactivation_capacity AS backup_capacity, o.time_zone, o.extra_days_off::text[] AS extra_days_off,
              o.sla_urgent_working_hours, o.sla_normal_working_hours, o.working_hours_start, o.working_hours_end
       FROM watches w
       JOIN organisations o ON o.id = w.organisation_id
       JOIN users pu ON pu.id = w.primary_caseworker_id
       LEFT JOIN users bu ON bu.id = w.backup_caseworker_id
       WHERE (w.organisation_id, w.id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
       ORDER BY w.id
       FOR UPDATE OF w`,
    [inputs.map((i) => i.organisationId), inputs.map((i) => i.watchId)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The open requests (open, accepted, contacted) of the users with a reactivation capacity, as `CapacityLoad`s by
 * user id; users without a limit are left out. Their rows are locked first (id order, after the watches), so two
 * transactions cannot both give the last free place to someone; the count is a statement of its own, so it sees
 * what the transaction it waited for committed.
 */
export async function capacityLoads(
  tx: EntityManager,
  userIds: readonly string[],
): Promise<Map<string, { capacity: number | null; open: number }>> {
  const locked: Array<{ id: string; capacity: number }> = await tx.query(
    `SELECT id, reactivation_capacity AS capacity FROM users
     WHERE id = ANY($1::uuid[]) AND reactivation_capacity IS NOT NULL
     ORDER BY id FOR NO KEY UPDATE`,
    [[...new Set(userIds)]],
  );
  if (locked.length === 0) return new Map();
  const counts: Array<{ assignee_id: string; open: number }> = await tx.query(
    `SELECT assignee_id, count(*)::int AS open FROM reactivation_requests
     WHERE assignee_id = ANY($1::uuid[]) AND status IN ('open', 'accepted', 'contacted')
     GROUP BY assignee_id`,
    [locked.map((u) => u.id)],
  );
  const open = new Map(counts.map((c) => [c.assignee_id, c.open]));
  return new Map(locked.map((u) => [u.id, { capacity: u.capacity, open: open.get(u.id) ?? 0 }]));
}

/** Of these (locked) watches, the ones that have an open request already: a new input merges into it. */
export async function watchesWithOpenRequest(
  tx: EntityManager,
  watchIds: readonly string[],
): Promise<Set<string>> {
  const rows: Array<{ watch_id: string }> = await tx.query(
    `SELECT watch_id FROM reactivation_requests
     WHERE watch_id = ANY($1::uuid[]) AND status IN ('open', 'accepted', 'contacted')`,
    [[...watchIds]],
  );
  return new Set(rows.map((r) => r.watch_id));
}

/**
 * Opens or merges every request in one statement: `INSERT … ON CONFLICT` on the partial unique index
 * reactivation_requests_one_open_per_watch, then the reason of each input. `previous` is the open request as it
 * was before (the statement's snapshot; the watch locks keep it current).
 */
export async function upsertRequests(
  tx: EntityManager,
  rows: ReadonlyArray<{
    input: ReactivationInput;
    w: LockedWatch;
    assignee: string | null;
    sla: { dueAt: Date };
  }>,
  now: Date,
): Promise<UpsertedRow[]> {
  if (rows.length === 0) return [];
  return tx.query(
    `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(organisation_id uuid, watch_id uuid, client_id uuid,
           source text, urgency text, reason text, actor_id uuid, assignee_id uuid, sla_due_at timestamptz)
       ), previous AS (
         SELECT r.id, r.urgency, r.sla_due_at FROM reactivation_requests r
         WHERE r.watch_id IN (SELECT watch_id FROM input) AND r.status IN ('open', 'accepted', 'contacted')
       ), upserted AS (
         INSERT INTO reactivation_requests AS r (organisation_id, watch_id, client_id, urgency, assignee_id, sources,
           created_by, created_at, updated_at, sla_due_at)
         SELECT organisation_id, watch_id, client_id, urgency, assignee_id, ARRAY[source], actor_id, $2, $2, sla_due_at
         FROM input
         ON CONFLICT (watch_id) WHERE status IN ('open', 'accepted', 'contacted') DO UPDATE
         SET sources = CASE WHEN EXCLUDED.sources[1] = ANY(r.sources) THEN r.sources
                            ELSE r.sources || EXCLUDED.sources END,
             urgency = CASE WHEN EXCLUDED.urgency = 'urgent' THEN 'urgent' ELSE r.urgency END,
             sla_due_at = CASE WHEN EXCLUDED.urgency = 'urgent' AND r.urgency = 'normal'
                                    AND r.status IN ('open', 'accepted')
                               THEN least(r.sla_due_at, EXCLUDED.sla_due_at) ELSE r.sla_due_at END,
             updated_at = EXCLUDED.updated_at
         RETURNING r.id, r.watch_id, r.organisation_id, r.status, r.urgency, r.sla_due_at, (r.xmax::text <> '0') AS merged
       ), reasons AS (
         INSERT INTO reactivation_reasons (organisation_id, request_id, source, urgency, reason, actor_id, created_at)
         SELECT u.organisation_id, u.id, i.source, i.urgency, i.reason, i.actor_id, $2
         FROM upserted u JOIN input i ON i.watch_id = u.watch_id
         RETURNING id, request_id
       )
       SELECT u.id, u.watch_id, u.organisation_id, u.status, u.urgency, u.sla_due_at, u.merged,
              p.urgency AS previous_urgency, p.sla_due_at AS previous_due_at, rs.id AS reason_id
       FROM upserted u JOIN reasons rs ON rs.request_id = u.id LEFT JOIN previous p ON p.id = u.id`,
    [
      JSON.stringify(
        rows.map(({ input, w, assignee, sla }) => ({
          organisation_id: w.organisation_id,
          watch_id: w.id,
          client_id: w.client_id,
          source: input.source,
          urgency: input.urgency,
          reason: input.reason,
          actor_id: input.actorId,
          assignee_id: assignee,
          sla_due_at: sla.dueAt.toISOString(),
        })),
      ),
      now,
    ],
  );
}
