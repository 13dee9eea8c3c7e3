import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The organisation a request acts for. It is only ever made from the signed-in session, never from
 * request input, and every query on a tenant-owned table goes through it.
 */
export class TenantScope {
  private constructor(readonly organisationId: string) {}

  static fromSession(session: { readonly organisationId: string }): TenantScope {
    return new TenantScope(session.organisationId);
  }

  /** Restricts a query to rows of this organisation (`<alias>.organisation_id`). */
  restrict<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string = qb.alias,
  ): SelectQueryBuilder<T> {
    return qb.andWhere(`${alias}.organisation_id = :tenantOrganisationId`, {
      tenantOrganisationId: this.organisationId,
    });
  }
}
