import { SqlWhere } from '../../core/database/sql-where.util';
import type { ClientReader } from './clients.service';
import { likeEscape } from './field-problem.util';
import { postcodeSearchTerm } from './postcode.util';

/**
 * The client list's WHERE on `clients c`, shared by the page, its count and the export: the organisation, `q`
 * (name, reference or postcode, ignoring case) and a caseworker's scope (clients they watch).
 */
export function clientListWhere(reader: ClientReader, query: { q?: string }): SqlWhere {
  const where = new SqlWhere();
  where.andIf(reader.scope.organisationId, (p) => `c.organisation_id = ${p}`);
  const q = query.q?.trim();
  if (q) {
    const text = where.param(`%${likeEscape(q)}%`);
    const postcode = where.param(`%${likeEscape(postcodeSearchTerm(q))}%`);
    where.and(`c.name ILIKE ${text} OR c.reference ILIKE ${text} OR c.postcode LIKE ${postcode}`);
  }
  where.andIf(
    reader.caseworkerId,
    (p) => `EXISTS (SELECT 1 FROM watches cw WHERE cw.client_id = c.id
      AND (cw.primary_caseworker_id = ${p} OR cw.backup_caseworker_id = ${p}))`,
  );
  return where;
}
