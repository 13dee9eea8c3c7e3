import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { AuthCrypto } from './auth-crypto.service';

/** An attempt may go ahead, or must wait this many seconds (progressive delay or lock-out). */
export type AttemptClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number; locked: boolean };

/**
 * Failed sign-ins per account, in PostgreSQL (so a Redis flush forgets nothing): after SIGN_IN_DELAY_AFTER_FAILURES
 * failures in a row each next attempt must wait, twice as long each time (up to the maximum); after
 * SIGN_IN_LOCKOUT_AFTER_FAILURES the account is locked for SIGN_IN_LOCKOUT_MINUTES. The key is an HMAC of the
 * e-mail address, whether or not an account has it: unknown addresses are delayed and locked the same way, so the
 * answers reveal nothing about which accounts exist.
 *
 * An attempt is counted as a failure *before* its password is checked (one atomic upsert, which refuses while the
 * account must wait) and the counter is cleared when it succeeds: parallel attempts cannot slip past the delay.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly crypto: AuthCrypto,
  ) {}

  accountKey(email: string): Buffer {
    return this.crypto.keyedHash('account-key', email.trim().toLowerCase());
  }

  /** Counts the attempt (as a failure until `succeeded`), or refuses it while the account must wait. */
  async claim(email: string): Promise<AttemptClaim> {
    const c = this.config;
    // The new count is computed from the row as it is when locked (not from the statement's snapshot), so two
    // parallel attempts count as two. $2 delay after, $3 base seconds, $4 max seconds, $5 lock after, $6 memory
    // seconds, $7 lock-out seconds.
    const next = `CASE WHEN f.last_failed_at < now() - make_interval(secs => $6) THEN 1 ELSE f.failures + 1 END`;
    const notBefore = (n: string): string =>
      `now() + CASE WHEN ${n} >= $2 THEN make_interval(secs => least($4::float8, $3::float8 * power(2, ${n} - $2)))
                    ELSE interval '0' END`;
    const lockedUntil = (n: string): string =>
      `CASE WHEN ${n} >= $5 THEN now() + make_interval(secs => $7) END`;
    const rows: Array<{ failures: number }> = await this.dataSource.query(
      `INSERT INTO sign_in_failures AS f (account_key, failures, last_failed_at, not_before, locked_until)
       VALUES ($1, 1, now(), ${notBefore('1')}, ${lockedUntil('1')})
       ON CONFLICT (account_key) DO UPDATE
         SET failures = ${next}, last_failed_at = now(), not_before = ${notBefore(next)},
             locked_until = ${lockedUntil(next)}
         WHERE f.not_before <= now() AND (f.locked_until IS NULL OR f.locked_until <= now())
       RETURNING f.failures`,
      [
        this.accountKey(email),
        c.signInDelayAfterFailures,
        c.signInDelayBaseMs / 1000,
        c.signInDelayMaxMs / 1000,
        c.signInLockoutAfterFailures,
        c.signInFailureMemoryMs / 1000,
        c.signInLockoutMs / 1000,
      ],
    );
    if (rows.length > 0) return { allowed: true };
    const [wait]: Array<{ seconds: number; locked: boolean }> = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM greatest(not_before, coalesce(locked_until, not_before)) - now()))::int AS seconds,
              coalesce(locked_until > now(), false) AS locked
       FROM sign_in_failures WHERE account_key = $1`,
      [this.accountKey(email)],
    );
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, wait?.seconds ?? 1),
      locked: wait?.locked ?? false,
    };
  }

  /** The attempt succeeded: the account starts again with no failures. */
  async succeeded(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_failures WHERE account_key = $1`, [
      this.accountKey(email),
    ]);
  }

  /** Forgets counters that saw no failure for SIGN_IN_FAILURE_MEMORY_HOURS and are not locked. Returns how many. */
  async purgeForgotten(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM sign_in_failures
       WHERE last_failed_at < now() - make_interval(secs => $1)
         AND (locked_until IS NULL OR locked_until < now())`,
      [this.config.signInFailureMemoryMs / 1000],
    );
    return result[1];
  }
}
