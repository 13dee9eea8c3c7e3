import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';

/** A self check-in link is valid this long. */
export const CHECK_IN_TOKEN_DAYS = 14;

/** The secret in a self check-in link: only its sha256 is stored. */
export function hashCheckInToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Single-use self check-in links: a random token per check-in, stored hashed, valid for 14 days. */
@Injectable()
export class CheckInTokensService {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether a link can still be used: one primary-key look-up of its hash. */
  async isOpen(token: string, now: Date): Promise<boolean> {
    return (await this.findOpen(token, now)) !== null;
  }

  /** The check-in of a link that can still be used (for the audit log), else null: the same one look-up. */
  async findOpen(token: string, now: Date): Promise<{ organisationId: string; checkInId: string } | null> {
    const [link]: Array<{ organisation_id: string; check_in_id: string }> = await this.dataSource.query(
      `SELECT organisation_id, check_in_id FROM check_in_tokens
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
      [hashCheckInToken(token), now],
    );
    return link ? { organisationId: link.organisation_id, checkInId: link.check_in_id } : null;
  }

  /**
   * Uses a link up with the client's answer, in the caller's transaction: of two requests with the same link, one
   * wins. Null when the link is unknown, used or expired.
   */
  async use(
    tx: EntityManager,
    token: string,
    response: 'well' | 'concern' | 'needs_support',
    now: Date,
  ): Promise<{ organisationId: string; checkInId: string } | null> {
    const [link] = await updateReturning<{ organisation_id: string; check_in_id: string }>(
      tx,
      `UPDATE check_in_tokens SET used_at = $3, response = $2
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $3
       RETURNING organisation_id, check_in_id`,
      [hashCheckInToken(token), response, now],
    );
    return link ? { organisationId: link.organisation_id, checkInId: link.check_in_id } : null;
  }
  /**
   * Issues the link secrets of check-ins in the caller's transaction, in one statement: check-in id → secret. A
   * check-in that had a link issued before gets none (a check-in has one link, however often its pre-notice runs).
   */
  async issueMany(
    tx: EntityManager,
    checkIns: ReadonlyArray<{ check_in_id: string; organisation_id: string }>,
    now: Date,
  ): Promise<Map<string, string>> {
    if (checkIns.length === 0) return new Map();
    const tokens = checkIns.map((c) => ({ ...c, token: randomBytes(32).toString('base64url') }));
    const rows: Array<{ check_in_id: string }> = await tx.query(
      `INSERT INTO check_in_tokens (token_hash, organisation_id, check_in_id, expires_at)
       SELECT t.token_hash, t.organisation_id, t.check_in_id,
              $4::timestamptz + make_interval(days => ${CHECK_IN_TOKEN_DAYS})
       FROM unnest($1::bytea[], $2::uuid[], $3::uuid[]) AS t(token_hash, organisation_id, check_in_id)
       ON CONFLICT (check_in_id) DO NOTHING
       RETURNING check_in_id`,
      [
        tokens.map((t) => hashCheckInToken(t.token)),
        tokens.map((t) => t.organisation_id),
        tokens.map((t) => t.check_in_id),
        now,
      ],
    );
    const issued = new Set(rows.map((r) => r.check_in_id));
    return new Map(tokens.filter((t) => issued.has(t.check_in_id)).map((t) => [t.check_in_id, t.token]));
  }
}
