import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A self check-in link is valid this long. */
export const CHECK_IN_TOKEN_DAYS = 14;

/** The secret in a self check-in link: only its sha256 is stored. */
export function hashCheckInToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Single-use self check-in links: a random token per check-in, stored hashed, valid for 14 days. */
@Injectable()
export class CheckInTokensService {
  /**
   * Issues the check-in's link secret in the caller's transaction; null when one was issued before (a check-in has
   * one link, however often its pre-notice runs).
   */
  async issue(
    tx: EntityManager,
    organisationId: string,
    checkInId: string,
    now: Date,
  ): Promise<string | null> {
    const token = randomBytes(32).toString('base64url');
    const rows: unknown[] = await tx.query(
      `INSERT INTO check_in_tokens (token_hash, organisation_id, check_in_id, expires_at)
       VALUES ($1, $2, $3, $4::timestamptz + make_interval(days => ${CHECK_IN_TOKEN_DAYS}))
       ON CONFLICT (check_in_id) DO NOTHING
       RETURNING check_in_id`,
      [hashCheckInToken(token), organisationId, checkInId, now],
    );
    return rows.length > 0 ? token : null;
  }
}
