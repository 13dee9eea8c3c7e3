import { Injectable } from '@nestjs/common';
import type { Client, ClientSummary, Page } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import {
  CLIENT_SUMMARY_COLUMNS,
  caseworkerClientFilter,
  toClient,
  toClientSummary,
  type ClientRow,
  type ClientSummaryRow,
} from './client-row.util';
import { clientListWhere } from './client-list-filter.util';
import type { CreateClientDto } from './create-client.dto';
import { conflictProblem, fieldProblem, isUniqueViolation } from './field-problem.util';
import { normalisePostcode } from './postcode.util';
import type { UpdateClientDto } from './update-client.dto';

/** Who reads: the organisation, and for a caseworker their own id (they see only the clients they watch). */
export interface ClientReader {
  scope: TenantScope;
  caseworkerId: string | null;
}

const CLIENT_COLUMNS: ReadonlyArray<[keyof UpdateClientDto, string]> = [
  ['reference', 'reference'],
  ['name', 'name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['preferredChannel', 'preferred_channel'],
  ['postcode', 'postcode'],
  ['houseNumber', 'house_number'],
  ['neighbourhood', 'neighbourhood'],
  ['dateOfBirth', 'date_of_birth'],
];
const REQUIRED: ReadonlyArray<keyof UpdateClientDto> = [
  'reference',
  'name',
  'preferredChannel',
  'postcode',
  'houseNumber',
  'consent',
];

@Injectable()
export class ClientsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    reader: ClientReader,
    query: { q?: string; page: number; pageSize: number },
  ): Promise<Page<ClientSummary>> {
    // One filter for the page, the count and the export (client-list-filter.util).
    const where = clientListWhere(reader, query);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    // The page is chosen (and counted) on clients alone; only its rows are joined with their open watch.
    const rows: Array<ClientSummaryRow & { total: string }> = await this.dataSource.query(
      `WITH page AS (
         SELECT c.id, count(*) OVER () AS total FROM clients c
         WHERE ${where.sql}
         ORDER BY c.name, c.id
         LIMIT ${limit} OFFSET ${offset})
       SELECT ${CLIENT_SUMMARY_COLUMNS}, page.total
       FROM page JOIN clients c ON c.id = page.id
       LEFT JOIN watches ow ON ow.client_id = c.id AND ow.status <> 'ended'
       ORDER BY c.name, c.id`,
      where.params,
    );
    return {
      items: rows.map(toClientSummary),
      page: query.page,
      pageSize: query.pageSize,
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(where.sql, filters),
    };
  }

  /** Null when missing, in another organisation, or outside a caseworker's scope: callers answer 404 for all. */
  async get(
    reader: ClientReader,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Client | null> {
    const rows: ClientRow[] = await manager.query(
      `SELECT ${CLIENT_SUMMARY_COLUMNS}, c.email, c.phone, c.preferred_channel, c.date_of_birth::text AS date_of_birth,
              c.legal_basis, c.consent_email_reminders, c.consent_recorded_at, c.consent_recorded_by,
              u.display_name AS recorded_by_name, c.created_at, c.updated_at,
              ARRAY(SELECT p.partner_organisation_id::text FROM client_partner_consents p
                    WHERE p.client_id = c.id ORDER BY p.partner_organisation_id) AS sharing_partner_ids
       FROM clients c
       JOIN users u ON u.id = c.consent_recorded_by
       LEFT JOIN watches ow ON ow.client_id = c.id AND ow.status <> 'ended'
       WHERE c.organisation_id = $1 AND c.id = $2 AND ${caseworkerClientFilter('$3')}`,
      [reader.scope.organisationId, id, reader.caseworkerId],
    );
    return rows[0] ? toClient(rows[0]) : null;
  }

  async create(scope: TenantScope, actorId: string, dto: CreateClientDto): Promise<Client> {
    const sharing = dto.consent.sharingPartnerIds ?? [];
    return this.dataSource.transaction(async (tx) => {
      await this.checkPartners(tx, scope, sharing);
      let id: string;
      try {
        const [row]: Array<{ id: string }> = await tx.query(
          `INSERT INTO clients (organisation_id, reference, name, email, phone, preferred_channel, postcode,
             house_number, neighbourhood, date_of_birth, legal_basis, consent_email_reminders, consent_recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            scope.organisationId,
            dto.reference.trim(),
            dto.name.trim(),
            dto.email?.trim().toLowerCase() ?? null,
            dto.phone?.trim() ?? null,
            dto.preferredChannel,
            normalisePostcode(dto.postcode),
            dto.houseNumber.trim(),
            dto.neighbourhood?.trim() || null,
            dto.dateOfBirth ?? null,
            dto.consent.legalBasis,
            dto.consent.emailReminders,
            actorId,
          ],
        );
        id = row.id;
      } catch (error) {
        if (isUniqueViolation(error, 'clients_reference_unique'))
          throw conflictProblem('Another client of your organisation has this reference.');
        throw error;
      }
      await this.replacePartners(tx, scope, id, sharing);
      return (await this.get({ scope, caseworkerId: null }, id, tx)) as Client;
    });
  }

  /** Null when there is no such client in the organisation. */
  async update(
    scope: TenantScope,
    actorId: string,
    id: string,
    dto: UpdateClientDto,
  ): Promise<Client | null> {
    for (const field of REQUIRED)
      if (dto[field] === null) throw fieldProblem(field, `${field} must not be empty`);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.get({ scope, caseworkerId: null }, id, tx);
      if (!current) return null;
      await tx.query(`SELECT 1 FROM clients WHERE id = $1 FOR UPDATE`, [id]);
      const sets: string[] = [];
      const params: unknown[] = [scope.organisationId, id];
      const set = (column: string, value: unknown): void => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      for (const [field, column] of CLIENT_COLUMNS) {
        if (dto[field] === undefined) continue;
        const value = dto[field] as string | null;
        if (field === 'postcode') set(column, normalisePostcode(value as string));
        else if (field === 'email') set(column, value?.trim().toLowerCase() ?? null);
        else
          set(
            column,
            typeof value === 'string' ? value.trim() || (field === 'neighbourhood' ? null : value) : value,
          );
      }
      const consent = dto.consent;
      const sharing = consent?.sharingPartnerIds;
      const consentChanged =
        !!consent &&
        (consent.legalBasis !== current.consent.legalBasis ||
          consent.emailReminders !== current.consent.emailReminders ||
          (sharing !== undefined && [...sharing].sort().join() !== current.consent.sharingPartnerIds.join()));
      if (consent && consentChanged) {
        set('legal_basis', consent.legalBasis);
        set('consent_email_reminders', consent.emailReminders);
        set('consent_recorded_by', actorId);
        sets.push('consent_recorded_at = now()');
        if (sharing !== undefined) {
          await this.checkPartners(tx, scope, sharing);
          await this.replacePartners(tx, scope, id, sharing);
        }
      }
      if (sets.length > 0) {
        try {
          await tx.query(
            `UPDATE clients SET ${sets.join(', ')}, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
            params,
          );
        } catch (error) {
          if (isUniqueViolation(error, 'clients_reference_unique'))
            throw conflictProblem('Another client of your organisation has this reference.');
          throw error;
        }
      }
      return this.get({ scope, caseworkerId: null }, id, tx);
    });
  }

  /** True when the client exists in the organisation (for watches). */
  async exists(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM clients WHERE organisation_id = $1 AND id = $2`,
      [scope.organisationId, id],
    );
    return rows.length > 0;
  }

  private async count(where: string, params: unknown[]): Promise<number> {
    const [row]: Array<{ total: string }> = await this.dataSource.query(
      `SELECT count(*) AS total FROM clients c WHERE ${where}`,
      params,
    );
    return Number(row.total);
  }

  private async checkPartners(tx: EntityManager, scope: TenantScope, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found: Array<{ id: string }> = await tx.query(
      `SELECT id FROM partner_organisations WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [scope.organisationId, ids],
    );
    if (found.length !== new Set(ids).size)
      throw fieldProblem('consent.sharingPartnerIds', 'must list partner organisations of your organisation');
  }

  private async replacePartners(
    tx: EntityManager,
    scope: TenantScope,
    clientId: string,
    ids: string[],
  ): Promise<void> {
    await tx.query(`DELETE FROM client_partner_consents WHERE client_id = $1`, [clientId]);
    if (ids.length === 0) return;
    await tx.query(
      `INSERT INTO client_partner_consents (organisation_id, client_id, partner_organisation_id)
       SELECT $1, $2, unnest($3::uuid[])`,
      [scope.organisationId, clientId, ids],
    );
  }
}
