import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { TenantContext } from '../../core/database/tenant-context.store';

/** Events removed per statement: bounded transactions, and the chain's lock is held only briefly. */
const BATCH = 5_000;

/**
 * NEN 7513 retention: removes audit events older than `AUDIT_RETENTION_YEARS` (at least 5), per organisation from
 * the start of its chain, through the database's `audit_events_purge` (which moves the chain's anchor to the last
 * removed event first, so verification starts there, and refuses anything younger than 5 years). Running it again
 * removes nothing more.
 */
@Injectable()
export class AuditRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Returns how many events it removed. */
  async purge(): Promise<number> {
    const years = this.config.auditRetentionYears;
    return TenantContext.asSystem('audit retention across organisations', async () => {
      // Only organisations whose oldest remaining event is due (one index probe each).
      const due: Array<{ organisation_id: string }> = await this.dataSource.query(
        `SELECT c.organisation_id FROM audit_chains c
         JOIN audit_events e ON e.organisation_id = c.organisation_id AND e.seq = c.anchor_seq + 1
         WHERE e.occurred_at < now() - make_interval(years => $1)`,
        [years],
      );
      let removed = 0;
      for (const { organisation_id } of due) {
        for (;;) {
          const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
            `SELECT audit_events_purge($1, now() - make_interval(years => $2), $3)::int AS n`,
            [organisation_id, years, BATCH],
          );
          removed += n;
          if (n < BATCH) break;
        }
      }
      return removed;
    });
  }
}
