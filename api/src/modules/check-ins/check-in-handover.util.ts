import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';

/**
 * SQL condition: the watch's backup (users row `backup`) takes over a check-in due on `due` from the primary
 * `primary` — the primary has an absence covering that day, and the backup is an active caseworker without one.
 * `org` is the organisation. Each argument is an SQL expression.
 */
export function handoverCondition(org: string, primary: string, backup: string, due: string): string {
  return `${backup}.role = 'caseworker' AND ${backup}.active
    AND EXISTS (SELECT 1 FROM user_absences pa WHERE pa.organisation_id = ${org} AND pa.user_id = ${primary}
                  AND pa.starts_on <= ${due} AND pa.ends_on >= ${due})
    AND NOT EXISTS (SELECT 1 FROM user_absences ba WHERE ba.organisation_id = ${org} AND ba.user_id = ${backup}.id
                      AND ba.starts_on <= ${due} AND ba.ends_on >= ${due})`;
}

/** One absence of a caseworker: both days included, in the organisation's calendar. */
export interface AbsenceSpan {
  organisationId: string;
  userId: string;
  startsOn: string;
  endsOn: string;
}

/** Runs a check-in UPDATE over an absence's span ($1 organisation, $2 user, $3–$4 the days); returns the ids. */
async function updateInSpan(tx: EntityManager, sql: string, span: AbsenceSpan): Promise<string[]> {
  const rows = await updateReturning<{ id: string }>(tx, sql, [
    span.organisationId,
    span.userId,
    span.startsOn,
    span.endsOn,
  ]);
  return rows.map((r) => r.id);
}

/**
 * A new absence: her planned check-ins as primary caseworker due in it go to the watch's backup, when the backup
 * is an active caseworker who is not absent that day, remembering her in `handed_over_from`. One statement; the
 * absence is already written in `tx`. Returns the check-ins' ids.
 */
export function handOverForAbsence(tx: EntityManager, span: AbsenceSpan): Promise<string[]> {
  return updateInSpan(
    tx,
    `UPDATE check_ins ci
     SET caseworker_id = w.backup_caseworker_id, handed_over_from = ci.caseworker_id, updated_at = now()
     FROM watches w JOIN users b ON b.id = w.backup_caseworker_id AND b.organisation_id = w.organisation_id
     WHERE ci.organisation_id = $1 AND ci.caseworker_id = $2 AND ci.status = 'planned'
       AND ci.due_date BETWEEN $3::date AND $4::date
       AND w.organisation_id = ci.organisation_id AND w.id = ci.watch_id AND w.primary_caseworker_id = $2
       AND ${handoverCondition('$1', '$2', 'b', 'ci.due_date')}
     RETURNING ci.id`,
    span,
  );
}

/**
 * A removed absence: the planned check-ins handed over from her whose due date lies in it and in no other absence
 * of hers go back to her, while she is still the watch's primary and active. One statement. Returns their ids.
 */
export function giveBackAfterAbsence(tx: EntityManager, span: AbsenceSpan): Promise<string[]> {
  return updateInSpan(
    tx,
    `UPDATE check_ins ci
     SET caseworker_id = ci.handed_over_from, handed_over_from = NULL, updated_at = now()
     FROM watches w JOIN users p ON p.id = w.primary_caseworker_id AND p.organisation_id = w.organisation_id
     WHERE ci.organisation_id = $1 AND ci.handed_over_from = $2 AND ci.status = 'planned'
       AND ci.due_date BETWEEN $3::date AND $4::date
       AND w.organisation_id = ci.organisation_id AND w.id = ci.watch_id AND w.primary_caseworker_id = $2
       AND p.active
       AND NOT EXISTS (SELECT 1 FROM user_absences a WHERE a.organisation_id = $1 AND a.user_id = $2
                         AND a.starts_on <= ci.due_date AND a.ends_on >= ci.due_date)
     RETURNING ci.id`,
    span,
  );
}

/**
 * The planned check-ins of these watches that are with the watch's primary go to its backup when the primary is
 * absent on the due date and the backup can take them (handoverCondition). One statement. Returns their ids.
 */
export async function handOverWatches(
  tx: EntityManager,
  organisationId: string,
  watchIds: readonly string[],
): Promise<string[]> {
  if (watchIds.length === 0) return [];
  const rows = await updateReturning<{ id: string }>(
    tx,
    `UPDATE check_ins ci
     SET caseworker_id = b.id, handed_over_from = ci.caseworker_id, updated_at = now()
     FROM watches w JOIN users b ON b.id = w.backup_caseworker_id AND b.organisation_id = w.organisation_id
     WHERE ci.organisation_id = $1 AND ci.watch_id = ANY($2::uuid[]) AND ci.status = 'planned'
       AND w.organisation_id = ci.organisation_id AND w.id = ci.watch_id
       AND ci.caseworker_id = w.primary_caseworker_id
       AND ${handoverCondition('$1', 'ci.caseworker_id', 'b', 'ci.due_date')}
     RETURNING ci.id`,
    [organisationId, watchIds],
  );
  return rows.map((r) => r.id);
}

/**
 * The caseworkers of these watches changed (call it after the watches' update): a planned check-in handed over to
 * someone who is no longer the backup goes back to the primary, then to the backup wherever the primary is absent
 * on the due date and the backup can take it (handOverWatches). Two statements.
 */
export async function handOverAfterCaseworkerChange(
  tx: EntityManager,
  organisationId: string,
  watchIds: readonly string[],
): Promise<void> {
  if (watchIds.length === 0) return;
  await tx.query(
    `UPDATE check_ins ci SET caseworker_id = ci.handed_over_from, handed_over_from = NULL, updated_at = now()
     FROM watches w
     WHERE ci.organisation_id = $1 AND ci.watch_id = ANY($2::uuid[]) AND ci.status = 'planned'
       AND ci.handed_over_from IS NOT NULL AND ci.caseworker_id IS DISTINCT FROM w.backup_caseworker_id
       AND w.organisation_id = ci.organisation_id AND w.id = ci.watch_id`,
    [organisationId, watchIds],
  );
  await handOverWatches(tx, organisationId, watchIds);
}
