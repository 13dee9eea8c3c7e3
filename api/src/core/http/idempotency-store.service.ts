import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { updateReturning } from '../database/update-returning.util';

/** How long a key is remembered: a retry within it gets the first answer; after it the key is new again. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** A key held this long by a request that never finished (its process died) may be taken over by a retry. */
export const IDEMPOTENCY_ABANDONED_SECONDS = 60;

/** What a request finds when it presents an Idempotency-Key. */
export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

interface KeyRow {
  user_id: string | null;
  request_hash: Buffer;
  response_status: number | null;
  response_body: unknown;
}

/**
 * The `idempotency_keys` table. A request claims its key with one `INSERT … ON CONFLICT` (committed at once, before
 * the work starts), so of two concurrent duplicates exactly one runs; the other sees the key in progress.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(
    organisationId: string,
    key: string,
    userId: string | null,
    requestHash: Buffer,
  ): Promise<IdempotencyClaim> {
    // A row that was released between the two statements is claimed on the next round.
    for (let round = 0; round < 3; round++) {
      const claimed = await updateReturning<{ key: string }>(
        this.dataSource.manager,
        `INSERT INTO idempotency_keys AS k (organisation_id, key, user_id, request_hash)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, key) DO UPDATE
           SET user_id = EXCLUDED.user_id, request_hash = EXCLUDED.request_hash, created_at = now(),
               locked_at = now(), response_status = NULL, response_body = NULL, completed_at = NULL
           WHERE k.created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})
              OR (k.completed_at IS NULL
                  AND k.locked_at < now() - make_interval(secs => ${IDEMPOTENCY_ABANDONED_SECONDS})
                  AND k.request_hash = EXCLUDED.request_hash
                  AND k.user_id IS NOT DISTINCT FROM EXCLUDED.user_id)
         RETURNING k.key`,
        [organisationId, key, userId, requestHash],
      );
      if (claimed.length > 0) return { kind: 'claimed' };
      const [row]: KeyRow[] = await this.dataSource.query(
        `SELECT user_id, request_hash, response_status, response_body FROM idempotency_keys
         WHERE organisation_id = $1 AND key = $2`,
        [organisationId, key],
      );
      if (!row) continue;
      if (row.user_id !== userId || !Buffer.from(row.request_hash).equals(requestHash))
        return { kind: 'mismatch' };
      if (row.response_status === null) return { kind: 'in-progress' };
      return { kind: 'replay', status: row.response_status, body: row.response_body };
    }
    return { kind: 'in-progress' };
  }

  /** Remembers the answer of a claimed key, for the retries. */
  async complete(organisationId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb, completed_at = now()
       WHERE organisation_id = $1 AND key = $2 AND completed_at IS NULL`,
      [organisationId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets a claimed key whose request failed: a retry runs it again. */
  async release(organisationId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE organisation_id = $1 AND key = $2 AND completed_at IS NULL`,
      [organisationId, key],
    );
  }

  /** Deletes keys past their time to live, in batches; returns how many. */
  async purge(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await updateReturning<{ key: string }>(
        this.dataSource.manager,
        `DELETE FROM idempotency_keys k USING (
           SELECT organisation_id, key FROM idempotency_keys
           WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})
           ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED) old
         WHERE k.organisation_id = old.organisation_id AND k.key = old.key
         RETURNING k.key`,
        [batch],
      );
      total += rows.length;
      if (rows.length < batch) return total;
    }
  }
}
