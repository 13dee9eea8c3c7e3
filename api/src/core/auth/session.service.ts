import { Injectable } from '@nestjs/common';
import type { PartnerKind, UserRole } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app.config';
import type { SessionUser } from './session-user.interface';
import { hashToken, newToken } from './tokens.util';

/** Only write `last_seen_at` when it is at least this old, so that reads do not turn into writes. */
const TOUCH_AFTER_MS = 60_000;

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  stale: boolean;
  user_id: string;
  email: string;
  display_name: string;
  role: UserRole;
  organisation_id: string;
  organisation_name: string;
  time_zone: string;
  partner_organisation_id: string | null;
  partner_organisation_name: string | null;
  partner_kind: PartnerKind | null;
}

/** Server-side sessions with idle and absolute time-outs. The cookie carries a random token; PostgreSQL its hash. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Starts a session for a user whose password was just verified. */
  async create(userId: string): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await this.dataSource.query(
      `INSERT INTO sessions (token_hash, user_id, organisation_id, csrf_token, absolute_expires_at)
       SELECT $1, u.id, u.organisation_id, $2, now() + make_interval(secs => $3)
       FROM users u WHERE u.id = $4`,
      [hashToken(token), csrfToken, this.config.sessionAbsoluteMs / 1000, userId],
    );
    return { token, csrfToken };
  }

  /** The session's user, or null when the token is unknown, revoked, idle too long, past its end, or the user is inactive. */
  async resolve(token: string): Promise<SessionUser | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.absolute_expires_at,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale,
              u.id AS user_id, u.email, u.display_name, u.role, u.organisation_id,
              o.name AS organisation_name, o.time_zone,
              u.partner_organisation_id, p.name AS partner_organisation_name, p.kind AS partner_kind
       FROM sessions s
       JOIN users u ON u.id = s.user_id AND u.active
       JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN partner_organisations p ON p.id = u.partner_organisation_id
       WHERE s.token_hash = $1
         AND s.revoked_at IS NULL
         AND s.absolute_expires_at > now()
         AND s.last_seen_at > now() - make_interval(secs => $2)`,
      [hashToken(token), this.config.sessionIdleMs / 1000, TOUCH_AFTER_MS / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.stale) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return {
      sessionId: row.session_id,
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      timeZone: row.time_zone,
      partnerOrganisationId: row.partner_organisation_id,
      partnerOrganisationName: row.partner_organisation_name,
      partnerKind: row.partner_kind,
      csrfToken: row.csrf_token,
      absoluteExpiresAt: new Date(row.absolute_expires_at),
    };
  }

  /** Ends the session of this token; a no-op for an unknown or already ended one. */
  async revoke(token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hashToken(token)],
    );
  }

  /**
   * Ends every session of a user (password changed, account deactivated); with `manager`, in the caller's
   * transaction. Returns how many were ended.
   */
  async revokeAllOf(userId: string, manager?: EntityManager): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return result[1];
  }

  /** Deletes sessions that ended more than a day ago. Safe to run any number of times. Returns how many. */
  async purgeEnded(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM sessions
       WHERE absolute_expires_at < now() - interval '1 day'
          OR revoked_at < now() - interval '1 day'
          OR last_seen_at < now() - make_interval(secs => $1) - interval '1 day'`,
      [this.config.sessionIdleMs / 1000],
    );
    return result[1];
  }
}
