import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const KEY = 'organisation_id, due_date, caseworker_id, neighbourhood, timeliness';

/** Changes folded per statement: bounded, so a large backlog (after a bulk import) never holds one huge transaction. */
export const TALLY_COMPACT_BATCH = 50_000;

/**
 * Folds check_in_tally_changes (written by the triggers on check_ins, clients and organisations) into
 * check_in_tallies. The dashboard reads both, so folding changes no figure; it keeps the changes few.
 */
@Injectable()
export class CheckInTallies {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Folds every change there is now; returns how many. Safe to run twice and side by side: a second run waits for
   * nothing (it skips while another holds the lock) and a change is folded exactly once (deleted as it is added).
   */
  async compact(batchSize = TALLY_COMPACT_BATCH): Promise<number> {
    let folded = 0;
    for (;;) {
      const moved = await this.dataSource.transaction(async (manager) => {
        const [{ locked }]: Array<{ locked: boolean }> = await manager.query(
          `SELECT pg_try_advisory_xact_lock(hashtext('check_in_tally_compact')) AS locked`,
        );
        if (!locked) return 0;
        const [{ n, zeros }]: Array<{ n: number; zeros: string[] | null }> = await manager.query(
          `WITH moved AS (
             DELETE FROM check_in_tally_changes
             WHERE id IN (SELECT id FROM check_in_tally_changes ORDER BY id LIMIT $1)
             RETURNING ${KEY}, n),
           folded AS (
             INSERT INTO check_in_tallies (${KEY}, n)
             SELECT ${KEY}, sum(n) FROM moved GROUP BY ${KEY}
             ON CONFLICT (${KEY}) DO UPDATE SET n = check_in_tallies.n + excluded.n
             RETURNING ctid::text AS row, n)
           SELECT (SELECT count(*) FROM moved)::int AS n,
                  (SELECT array_agg(row) FROM folded WHERE n = 0) AS zeros`,
          [batchSize],
        );
        // Keys that came back to zero (a check-in moved on) are dropped, so the tallies hold only what counts. Only
        // this job writes the tallies and it holds the lock, so the rows it just wrote are still where it left them.
        if (zeros) await manager.query(`DELETE FROM check_in_tallies WHERE ctid = ANY($1::tid[])`, [zeros]);
        return n;
      });
      folded += moved;
      if (moved < batchSize) return folded;
    }
  }
}
