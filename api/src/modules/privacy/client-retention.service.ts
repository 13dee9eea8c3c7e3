import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { TenantContext } from '../../core/database/tenant-context.store';
import { AuditService } from '../audit/audit.service';
import { ClientAnonymiser } from './client-anonymiser.service';
import { loadErasureFacts } from './erasure-facts.util';
import { retentionDue } from './erasure-rules.util';

/** The smallest uuid: where the scan starts. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** One run of the retention job. */
export interface RetentionRun {
  /** Clients looked at (candidates of the pre-selection). */
  examined: number;
  anonymised: number;
  batches: number;
}

/**
 * Minimisation: anonymises clients whose care ended longer ago than the retention period (CLIENT_RETENTION_MONTHS
 * after the last watch's end, or after the last change of a client who never had a watch; longer when the watch's
 * reopen period or the organisation's care-file retention is longer), across all organisations. In batches: each
 * is one transaction that pre-selects candidates in id order after the previous batch (`FOR UPDATE SKIP LOCKED`),
 * decides with the same rules as an erasure on request (erasure-rules.util), anonymises with one `UPDATE …
 * RETURNING` per table and writes one audit event per client (source `system`). Safe to run twice: an anonymised
 * client is never selected again. Audit events are kept (their own retention is the audit module's).
 */
@Injectable()
export class ClientRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly anonymiser: ClientAnonymiser,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  run(now = new Date()): Promise<RetentionRun> {
    return TenantContext.asSystem('retention', async () => {
      const total: RetentionRun = { examined: 0, anonymised: 0, batches: 0 };
      // Nobody is due before this: the pre-selection's cut-off (the rules then look closer).
      const cutoff = DateTime.fromJSDate(now, { zone: 'utc' })
        .minus({ months: this.config.clientRetentionMonths })
        .toJSDate();
      let after = FIRST_ID;
      for (;;) {
        const batch = await this.batch(after, cutoff, now);
        if (!batch) return total;
        total.examined += batch.examined;
        total.anonymised += batch.anonymised;
        total.batches += 1;
        after = batch.lastId;
      }
    });
  }

  private batch(
    after: string,
    cutoff: Date,
    now: Date,
  ): Promise<{ lastId: string; examined: number; anonymised: number } | null> {
    return this.dataSource.transaction(async (tx) => {
      const candidates: Array<{ id: string }> = await tx.query(
        `SELECT c.id FROM clients c
         WHERE c.id > $1 AND c.anonymised_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM watches w WHERE w.client_id = c.id
                           AND (w.status <> 'ended' OR w.ended_at > $2))
           AND (c.updated_at <= $2 OR EXISTS (SELECT 1 FROM watches w WHERE w.client_id = c.id))
         ORDER BY c.id
         LIMIT $3
         FOR UPDATE OF c SKIP LOCKED`,
        [after, cutoff, this.config.clientRetentionBatchSize],
      );
      if (candidates.length === 0) return null;
      const ids = candidates.map((c) => c.id);
      const policy = { retentionMonths: this.config.clientRetentionMonths };
      const due = (await loadErasureFacts(tx, ids, this.config.careFileRetentionYears))
        .filter((facts) => retentionDue(facts, policy, now))
        .map((facts) => facts.clientId);
      const anonymised = await this.anonymiser.anonymise(tx, due, now);
      for (const client of anonymised)
        await this.audit.record(
          {
            organisationId: client.organisationId,
            action: 'delete',
            userId: null,
            role: null,
            clientIds: [client.id],
            resource: 'clients.retention',
            purpose: 'accountability',
            source: 'system',
            details: { rule: 'retention_period_passed', retentionMonths: policy.retentionMonths },
          },
          tx,
        );
      return { lastId: ids[ids.length - 1], examined: ids.length, anonymised: anonymised.length };
    });
  }
}
