import { Injectable, Logger } from '@nestjs/common';
import { PROBLEM_TYPES, type ErasureRequest, type ErasureResult } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { ProblemException } from '../../core/http/problem.exception';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import type { AuditEventInput } from '../audit/audit-event.model';
import { AuditService } from '../audit/audit.service';
import { ClientAnonymiser } from './client-anonymiser.service';
import { loadErasureFacts } from './erasure-facts.util';
import { erasureRefusals } from './erasure-rules.util';

/** Who asks, for the audit event: the user, role and where from. */
export type ErasureActor = Omit<
  AuditEventInput,
  'organisationId' | 'clientIds' | 'action' | 'resource' | 'purpose' | 'details' | 'outcome'
>;

/**
 * Erasure on request (AVG art. 17): a preview (`dryRun`) says what would be removed and whether it is allowed now;
 * otherwise the client is anonymised in place (ClientAnonymiser), or refused with `erasure-refused` (409) and the
 * reasons (erasure-rules.util). Every outcome is audited: a preview as a read, an erasure or refusal as a delete.
 */
@Injectable()
export class ClientErasureService {
  private readonly logger = new Logger('ClientErasure');

  constructor(
    private readonly dataSource: DataSource,
    private readonly anonymiser: ClientAnonymiser,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Null when there is no such client in the organisation. */
  async erase(
    scope: TenantScope,
    clientId: string,
    request: ErasureRequest,
    actor: ErasureActor,
    now = new Date(),
  ): Promise<ErasureResult | null> {
    const event = (outcome: 'success' | 'failure', details: Record<string, unknown>): AuditEventInput => ({
      ...actor,
      organisationId: scope.organisationId,
      action: request.dryRun ? 'read' : 'delete',
      outcome,
      resource: request.dryRun ? 'clients.erasure-preview' : 'clients.erasure',
      clientIds: [clientId],
      purpose: 'accountability',
      details: { reason: request.reason, ...details },
    });
    const result = await this.dataSource.transaction(async (tx) => {
      // The client, then its watches, locked: a watch created or reopened meanwhile waits, or is seen.
      const locked: unknown[] = await tx.query(
        `SELECT 1 FROM clients WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [scope.organisationId, clientId],
      );
      if (locked.length === 0) return null;
      await tx.query(`SELECT 1 FROM watches WHERE client_id = $1 ORDER BY id FOR UPDATE`, [clientId]);
      const [facts] = await loadErasureFacts(tx, [clientId], this.config.careFileRetentionYears);
      const refusals = erasureRefusals(facts, now);
      const counts = await this.anonymiser.count(tx, clientId);
      const allowed = refusals.length === 0;
      const answer: ErasureResult = {
        clientId,
        dryRun: request.dryRun === true,
        allowed,
        refusals,
        counts,
        anonymisedAt: null,
      };
      if (request.dryRun) {
        await this.audit.record(event('success', { allowed, refusals: refusals.map((r) => r.code) }), tx);
        return answer;
      }
      if (!allowed) return answer;
      await this.anonymiser.anonymise(tx, [clientId], now);
      await this.audit.record(event('success', { counts }), tx);
      return { ...answer, anonymisedAt: now.toISOString() };
    });
    if (result && !result.dryRun && !result.allowed) {
      // Recorded after the transaction, which changed nothing: the refusal is part of the client's audit trail.
      await this.audit
        .record(event('failure', { refusals: result.refusals.map((r) => r.code) }))
        .catch((error: Error) => this.logger.error(`Could not audit a refused erasure: ${error.message}`));
      throw new ProblemException(PROBLEM_TYPES.erasureRefused, 409, 'Erasure refused', {
        detail: `The client's data cannot be erased now: ${result.refusals
          .map((r) => (r.retainUntil ? `${r.code} (until ${r.retainUntil})` : r.code))
          .join(', ')}.`,
      });
    }
    return result;
  }
}
