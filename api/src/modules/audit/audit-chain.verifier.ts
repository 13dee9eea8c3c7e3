import type { QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_COLUMNS, type AuditChainRow, auditEventHash } from './audit-chain.util';

/** What verification found wrong, at which place of which organisation's chain. */
export interface AuditChainProblem {
  organisationId: string;
  /** The event's seq (for `missing`: the first missing one). */
  seq: string;
  /**
   * `changed`: the event's fields no longer match its hash; `missing`: events are gone (a gap in seq, or the end
   * of the chain is before its head); `reordered`: the event does not follow the one before it (moved, replaced or
   * inserted); `anchor`: the first event does not follow the retention anchor; `no_chain`: events without a chain.
   */
  kind: 'changed' | 'missing' | 'reordered' | 'anchor' | 'no_chain';
  detail: string;
}

export interface AuditChainReport {
  organisations: number;
  events: number;
  problems: AuditChainProblem[];
}

const PAGE = 5_000;

/**
 * Walks every organisation's audit chain from its retention anchor to its head and recomputes each hash
 * (`npm run audit:verify`). The runner must see every organisation (the system context).
 */
export class AuditChainVerifier {
  constructor(private readonly runner: QueryRunner) {}

  async verify(): Promise<AuditChainReport> {
    const chains: Array<{
      organisation_id: string;
      head_seq: string | null;
      head_hash: string | null;
      anchor_seq: string | null;
      anchor_hash: string | null;
      has_events: boolean;
    }> = await this.runner.query(
      `SELECT o.id AS organisation_id, c.head_seq::text AS head_seq, c.head_hash, c.anchor_seq::text AS anchor_seq,
         c.anchor_hash, EXISTS (SELECT 1 FROM audit_events e WHERE e.organisation_id = o.id) AS has_events
       FROM organisations o LEFT JOIN audit_chains c ON c.organisation_id = o.id ORDER BY o.id`,
    );
    const report: AuditChainReport = { organisations: 0, events: 0, problems: [] };
    for (const chain of chains) {
      if (chain.head_seq === null) {
        if (chain.has_events) {
          report.problems.push({
            organisationId: chain.organisation_id,
            seq: '1',
            kind: 'no_chain',
            detail: 'the organisation has audit events but no chain head',
          });
        }
        continue;
      }
      report.organisations += 1;
      await this.walk(
        chain as {
          organisation_id: string;
          head_seq: string;
          head_hash: string;
          anchor_seq: string;
          anchor_hash: string;
        },
        report,
      );
    }
    return report;
  }

  private async walk(
    chain: {
      organisation_id: string;
      head_seq: string;
      head_hash: string;
      anchor_seq: string;
      anchor_hash: string;
    },
    report: AuditChainReport,
  ): Promise<void> {
    const org = chain.organisation_id;
    let expected = BigInt(chain.anchor_seq) + 1n;
    let previous = chain.anchor_hash;
    let first = true;
    for (;;) {
      const rows: Array<AuditChainRow & { hash: string }> = await this.runner.query(
        `SELECT ${AUDIT_CHAIN_COLUMNS} FROM audit_events e
         WHERE e.organisation_id = $1 AND e.seq >= $2 ORDER BY e.seq LIMIT ${PAGE}`,
        [org, expected.toString()],
      );
      for (const row of rows) {
        report.events += 1;
        const seq = BigInt(row.seq);
        if (seq !== expected) {
          report.problems.push({
            organisationId: org,
            seq: expected.toString(),
            kind: 'missing',
            detail: `events ${expected}–${seq - 1n} are missing`,
          });
        } else if (row.prev_hash !== previous) {
          report.problems.push({
            organisationId: org,
            seq: row.seq,
            kind: first ? 'anchor' : 'reordered',
            detail: first
              ? 'the first event does not follow the retention anchor'
              : 'the event does not follow the one before it',
          });
        }
        if (auditEventHash(row) !== row.hash) {
          report.problems.push({
            organisationId: org,
            seq: row.seq,
            kind: 'changed',
            detail: 'the event was changed after it was written',
          });
        }
        first = false;
        previous = row.hash;
        expected = seq + 1n;
      }
      if (rows.length < PAGE) break;
    }
    const head = BigInt(chain.head_seq);
    if (expected - 1n < head) {
      report.problems.push({
        organisationId: org,
        seq: expected.toString(),
        kind: 'missing',
        detail: `events ${expected}–${head} (the end of the chain) are missing`,
      });
    } else if (head > BigInt(chain.anchor_seq) && previous !== chain.head_hash) {
      report.problems.push({
        organisationId: org,
        seq: chain.head_seq,
        kind: 'changed',
        detail: 'the last event is not the one the chain head names',
      });
    }
  }
}
