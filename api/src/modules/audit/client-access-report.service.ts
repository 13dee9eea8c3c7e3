import { Injectable } from '@nestjs/common';
import type { AccessReport, Client } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { AppConfig } from '../../core/config/app.config';
import { accessRole, accessWhat, accessWho, accessWhy } from './access-report-texts.util';
import { AUDIT_EVENT_FROM } from './audit-list-filter.util';

/** The most events one report shows (the newest); a report of more says so. */
export const ACCESS_REPORT_LIMIT = 1_000;

/** "Wie heeft mijn gegevens bekeken": every event about one client, in plain Dutch, newest first. */
@Injectable()
export class ClientAccessReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async report(session: SessionUser, client: Client, now = new Date()): Promise<AccessReport> {
    // The GIN index on client_ids serves the containment.
    const rows: Array<{
      occurred_at: Date;
      action: string;
      outcome: string;
      role: string | null;
      resource: string;
      purpose: string | null;
      source: string;
      user_name: string | null;
      partner_name: string | null;
    }> = await this.dataSource.query(
      `SELECT e.occurred_at, e.action, e.outcome, e.role, e.resource, e.purpose, e.source,
         u.display_name AS user_name, p.name AS partner_name
       FROM ${AUDIT_EVENT_FROM}
       WHERE e.organisation_id = $1 AND e.client_ids @> ARRAY[$2]::uuid[]
       ORDER BY e.occurred_at DESC, e.seq DESC LIMIT ${ACCESS_REPORT_LIMIT + 1}`,
      [session.organisationId, client.id],
    );
    return {
      client: { id: client.id, reference: client.reference, name: client.name },
      organisationName: session.organisationName,
      generatedAt: now.toISOString(),
      retentionYears: this.config.auditRetentionYears,
      truncated: rows.length > ACCESS_REPORT_LIMIT,
      entries: rows.slice(0, ACCESS_REPORT_LIMIT).map((r) => ({
        at: r.occurred_at.toISOString(),
        who: accessWho(r),
        role: accessRole(r.role),
        what: accessWhat(r.resource, r.action, r.outcome === 'success'),
        why: accessWhy(r.purpose),
        allowed: r.outcome === 'success',
      })),
    };
  }
}
