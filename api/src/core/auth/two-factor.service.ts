import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  PROBLEM_TYPES,
  TWO_FACTOR_ROLES,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from '@waakvlam/contracts';
import { toDataURL } from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { updateReturning } from '../database/update-returning.util';
import { ProblemException } from '../http/problem.exception';
import { AuthCrypto } from './auth-crypto.service';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp.util';

const RECOVERY_CODES = 10;
/** No look-alikes (0/o, 1/l/i): the codes are read from paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 10;

export const canUseTwoFactor = (role: string): boolean =>
  (TWO_FACTOR_ROLES as readonly string[]).includes(role);

/** How a second step was passed. */
export type SecondFactor = 'totp' | 'recovery_code';

const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

/**
 * TOTP two-factor authentication (RFC 6238) for admins and coordinators: the secret is stored encrypted
 * (AES-256-GCM, bound to the user), a code is accepted once (the last used step is kept), recovery codes are stored
 * as keyed hashes and work once each.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: AuthCrypto,
    private readonly config: AppConfig,
  ) {}

  async status(user: { userId: string; role: string; organisationId: string }): Promise<TwoFactorStatus> {
    const [row]: Array<{ enabled: boolean; required: boolean; left: number }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM user_two_factor t WHERE t.user_id = $1 AND t.confirmed_at IS NOT NULL) AS enabled,
              (SELECT o.two_factor_required FROM organisations o WHERE o.id = $2) AS required,
              (SELECT count(*)::int FROM user_recovery_codes r WHERE r.user_id = $1 AND r.used_at IS NULL) AS left`,
      [user.userId, user.organisationId],
    );
    const available = canUseTwoFactor(user.role);
    return {
      available,
      enabled: available && row.enabled,
      required: available && row.required === true,
      recoveryCodesLeft: row.enabled ? row.left : 0,
    };
  }

  /** Whether the user must pass a second step at sign-in. */
  async isEnabled(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM user_two_factor WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  async isRequiredBy(organisationId: string): Promise<boolean> {
    const [row]: Array<{ required: boolean }> = await this.dataSource.query(
      `SELECT two_factor_required AS required FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return row?.required === true;
  }

  async setRequired(organisationId: string, required: boolean, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE organisations SET two_factor_required = $2 WHERE id = $1`,
      [organisationId, required],
    );
  }

  /** A new secret awaiting confirmation (replaces an unconfirmed one); 409 when two-factor is already on. */
  async startEnrolment(user: { userId: string; email: string; role: string }): Promise<TwoFactorEnrolment> {
    if (!canUseTwoFactor(user.role)) throw notForRole();
    const secret = newTotpSecret();
    const sealed = this.crypto.encrypt('totp-secret', secret, user.userId);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO user_two_factor (user_id, organisation_id, secret_ciphertext)
       SELECT u.id, u.organisation_id, $2 FROM users u WHERE u.id = $1
       ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, last_used_step = 0,
         created_at = now()
         WHERE user_two_factor.confirmed_at IS NULL
       RETURNING user_id`,
      [user.userId, sealed],
    );
    if (rows.length === 0) {
      throw new ProblemException(PROBLEM_TYPES.conflict, 409, 'Conflict', {
        detail: 'Two-factor authentication is already on. Turn it off first to set up a new app.',
      });
    }
    const uri = otpauthUri(this.config.twoFactorIssuer, user.email, secret);
    return {
      secret: base32Encode(secret),
      otpauthUri: uri,
      qrCode: await toDataURL(uri, { margin: 2, width: 240 }),
    };
  }

  /** Confirms the enrolment with a first code; returns the recovery codes (shown once). Null: wrong code. */
  async confirmEnrolment(userId: string, code: string, manager?: EntityManager): Promise<string[] | null> {
    const db = manager ?? this.dataSource.manager;
    const step = await this.matchingStep(userId, code, false);
    if (step === null) return null;
    const confirmed = await updateReturning(
      db,
      `UPDATE user_two_factor SET confirmed_at = now(), last_used_step = $2
       WHERE user_id = $1 AND confirmed_at IS NULL AND last_used_step < $2 RETURNING user_id`,
      [userId, step],
    );
    if (confirmed.length === 0) return null;
    return this.replaceRecoveryCodes(userId, db);
  }

  /** Checks a second step: a TOTP code (once per step) or an unused recovery code (once). */
  async verify(userId: string, code: string, manager?: EntityManager): Promise<SecondFactor | null> {
    const db = manager ?? this.dataSource.manager;
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const step = await this.matchingStep(userId, trimmed, true);
      if (step === null) return null;
      // Atomic: of two requests with the same code, one wins; an earlier step never works again.
      const used = await updateReturning(
        db,
        `UPDATE user_two_factor SET last_used_step = $2
         WHERE user_id = $1 AND confirmed_at IS NOT NULL AND last_used_step < $2 RETURNING user_id`,
        [userId, step],
      );
      return used.length > 0 ? 'totp' : null;
    }
    const normalised = normaliseRecoveryCode(trimmed);
    if (normalised.length !== RECOVERY_LENGTH) return null;
    const used = await updateReturning(
      db,
      `UPDATE user_recovery_codes SET used_at = now()
       WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, this.recoveryHash(userId, normalised)],
    );
    return used.length > 0 ? 'recovery_code' : null;
  }

  /** New recovery codes (the old ones stop working). */
  async replaceRecoveryCodes(userId: string, manager?: EntityManager): Promise<string[]> {
    const db = manager ?? this.dataSource.manager;
    const codes = Array.from({ length: RECOVERY_CODES }, () =>
      Array.from(
        { length: RECOVERY_LENGTH },
        () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
      ).join(''),
    );
    await db.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await db.query(
      `INSERT INTO user_recovery_codes (user_id, organisation_id, code_hash)
       SELECT u.id, u.organisation_id, h FROM users u, unnest($2::bytea[]) AS h WHERE u.id = $1`,
      [userId, codes.map((c) => this.recoveryHash(userId, c))],
    );
    return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
  }

  /** Turns two-factor off for the user (secret and recovery codes gone). */
  async disable(userId: string, manager?: EntityManager): Promise<void> {
    const db = manager ?? this.dataSource.manager;
    await db.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await db.query(`DELETE FROM user_two_factor WHERE user_id = $1`, [userId]);
  }

  private async matchingStep(userId: string, code: string, confirmed: boolean): Promise<number | null> {
    const rows: Array<{ secret_ciphertext: Buffer }> = await this.dataSource.query(
      `SELECT secret_ciphertext FROM user_two_factor
       WHERE user_id = $1 AND (confirmed_at IS NOT NULL) = $2`,
      [userId, confirmed],
    );
    if (rows.length === 0) return null;
    const secret = this.crypto.decrypt('totp-secret', rows[0].secret_ciphertext, userId);
    if (!secret)
      throw new Error('A two-factor secret could not be decrypted: is AUTH_ENCRYPTION_KEY the same?');
    return matchTotp(secret, code.trim(), Date.now());
  }

  private recoveryHash(userId: string, normalised: string): Buffer {
    return this.crypto.keyedHash('recovery-code', `${userId}:${normalised}`);
  }
}

function notForRole(): ProblemException {
  return new ProblemException(PROBLEM_TYPES.forbidden, 403, 'Not allowed', {
    detail: 'Two-factor authentication is for admins and coordinators.',
  });
}
