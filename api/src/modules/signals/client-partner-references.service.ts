import { Injectable } from '@nestjs/common';
import type { ClientPartnerReference, PartnerKind } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { isUniqueViolation } from '../clients/field-problem.util';
import { newPartnerReference, normalisePartnerReference } from './partner-reference.util';

const ATTEMPTS = 5;

/**
 * The references under which partners know clients (owns `client_partner_references`). A client has one per
 * partner it consented to share with, made when staff first look it up to give it to the partner, and kept while
 * consent comes and goes: a signal names its client by it only while the consent exists.
 */
@Injectable()
export class ClientPartnerReferencesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The client's reference for every partner it consented to share with, made where missing. Null when there is
   * no such client in the organisation.
   */
  async forClient(scope: TenantScope, clientId: string): Promise<ClientPartnerReference[] | null> {
    const exists: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM clients WHERE organisation_id = $1 AND id = $2`,
      [scope.organisationId, clientId],
    );
    if (exists.length === 0) return null;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.fillMissing(scope, clientId);
        break;
      } catch (error) {
        // Two random references for one partner collided (or two requests raced): try again.
        if (attempt >= ATTEMPTS || !isUniqueViolation(error, 'client_partner_references_unique')) throw error;
      }
    }
    const rows: Array<{ id: string; name: string; kind: PartnerKind; reference: string }> =
      await this.dataSource.query(
        `SELECT p.id, p.name, p.kind, r.reference
         FROM client_partner_consents c
         JOIN client_partner_references r
           ON r.client_id = c.client_id AND r.partner_organisation_id = c.partner_organisation_id
         JOIN partner_organisations p ON p.id = c.partner_organisation_id
         WHERE c.organisation_id = $1 AND c.client_id = $2
         ORDER BY p.name, p.id`,
        [scope.organisationId, clientId],
      );
    return rows.map((r) => ({
      partnerOrganisation: { id: r.id, name: r.name, kind: r.kind },
      reference: r.reference,
    }));
  }

  /**
   * The client a partner's reference names, only while the client consents to sharing with that partner; null
   * otherwise (unknown, malformed, another partner's, or no consent), without telling which.
   */
  async resolve(
    tx: EntityManager,
    organisationId: string,
    partnerOrganisationId: string,
    given: string,
  ): Promise<string | null> {
    const reference = normalisePartnerReference(given);
    if (!reference) return null;
    const [row]: Array<{ client_id: string }> = await tx.query(
      `SELECT r.client_id FROM client_partner_references r
       JOIN client_partner_consents c
         ON c.client_id = r.client_id AND c.partner_organisation_id = r.partner_organisation_id
       WHERE r.organisation_id = $1 AND r.partner_organisation_id = $2 AND r.reference = $3`,
      [organisationId, partnerOrganisationId, reference],
    );
    return row?.client_id ?? null;
  }

  private async fillMissing(scope: TenantScope, clientId: string): Promise<void> {
    const missing: Array<{ partner_organisation_id: string }> = await this.dataSource.query(
      `SELECT c.partner_organisation_id FROM client_partner_consents c
       WHERE c.organisation_id = $1 AND c.client_id = $2
         AND NOT EXISTS (SELECT 1 FROM client_partner_references r
                         WHERE r.client_id = c.client_id AND r.partner_organisation_id = c.partner_organisation_id)`,
      [scope.organisationId, clientId],
    );
    if (missing.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO client_partner_references (organisation_id, client_id, partner_organisation_id, reference)
       SELECT $1, $2, m.partner_organisation_id, m.reference
       FROM jsonb_to_recordset($3::jsonb) AS m(partner_organisation_id uuid, reference text)
       ON CONFLICT (client_id, partner_organisation_id) DO NOTHING`,
      [
        scope.organisationId,
        clientId,
        JSON.stringify(
          missing.map((m) => ({
            partner_organisation_id: m.partner_organisation_id,
            reference: newPartnerReference(),
          })),
        ),
      ],
    );
  }
}
