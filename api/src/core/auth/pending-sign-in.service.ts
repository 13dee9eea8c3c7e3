import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashToken, newToken } from './tokens.util';

/** How long the second step may take. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;
/** Wrong codes allowed within one pending sign-in; then the password is asked again. */
export const PENDING_SIGN_IN_MAX_ATTEMPTS = 5;

export type PendingStep = 'two_factor' | 'enrolment';

export interface PendingSignIn {
  id: string;
  userId: string;
  organisationId: string;
  email: string;
  role: string;
  step: PendingStep;
  expiresAt: Date;
}

/**
 * The state between a correct password and the second step: a random token in an HttpOnly cookie, its SHA-256 in
 * PostgreSQL, valid for five minutes and a few codes. It is not a session: it opens nothing but the second step.
 */
@Injectable()
export class PendingSignIns {
  constructor(private readonly dataSource: DataSource) {}

  async create(userId: string, step: PendingStep): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    // One pending sign-in per user: an earlier one (another tab, an abandoned attempt) ends.
    await this.dataSource.query(`DELETE FROM pending_sign_ins WHERE user_id = $1`, [userId]);
    const [row]: Array<{ expires_at: Date }> = await this.dataSource.query(
      `INSERT INTO pending_sign_ins (token_hash, user_id, organisation_id, step, expires_at)
       SELECT $1, u.id, u.organisation_id, $2, now() + make_interval(secs => $3) FROM users u WHERE u.id = $4
       RETURNING expires_at`,
      [hashToken(token), step, PENDING_SIGN_IN_MS / 1000, userId],
    );
    return { token, expiresAt: new Date(row.expires_at) };
  }

  /** The pending sign-in of this token, or null when unknown, expired, used up or its user is inactive. */
  async find(token: string): Promise<PendingSignIn | null> {
    const rows: Array<{
      id: string;
      user_id: string;
      organisation_id: string;
      email: string;
      role: string;
      step: PendingStep;
      expires_at: Date;
    }> = await this.dataSource.query(
      `SELECT p.id, p.user_id, p.organisation_id, u.email, u.role, p.step, p.expires_at
       FROM pending_sign_ins p JOIN users u ON u.id = p.user_id AND u.active
       WHERE p.token_hash = $1 AND p.expires_at > now() AND p.attempts < $2`,
      [hashToken(token), PENDING_SIGN_IN_MAX_ATTEMPTS],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          organisationId: row.organisation_id,
          email: row.email,
          role: row.role,
          step: row.step,
          expiresAt: new Date(row.expires_at),
        }
      : null;
  }

  /** Counts a wrong code. */
  async countFailure(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE pending_sign_ins SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  /** Ends it (the second step succeeded). True for the one caller that ended it, so it completes a sign-in once. */
  async consume(id: string, manager?: EntityManager): Promise<boolean> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `DELETE FROM pending_sign_ins WHERE id = $1 AND expires_at > now()`,
      [id],
    );
    return result[1] === 1;
  }

  /** Ends every pending sign-in of a user (password changed, account deactivated). */
  async endAllOf(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`DELETE FROM pending_sign_ins WHERE user_id = $1`, [
      userId,
    ]);
  }

  /** Deletes expired ones. Safe to run any number of times. */
  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM pending_sign_ins WHERE expires_at < now() - interval '1 hour'`,
    );
    return result[1];
  }
}
