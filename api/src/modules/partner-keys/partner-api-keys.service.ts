import { Injectable } from '@nestjs/common';
import type { CreatedPartnerApiKey, PartnerApiKey } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { ApiKeyAuthenticator, ApiKeyPrincipal } from '../../core/auth/api-key-authenticator.interface';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';
import type { CreatePartnerApiKeyDto } from './create-partner-api-key.dto';
import { apiKeyHash, hashesEqual, isWellFormedApiKey, newApiKey } from './partner-api-key.util';

interface KeyRow {
  id: string;
  name: string;
  key_prefix: string;
  feedback_email: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const KEY_COLUMNS = `k.id, k.name, k.key_prefix, k.feedback_email, k.created_by, u.display_name AS created_by_name,
  k.created_at, k.last_used_at, k.revoked_at`;

const toKey = (r: KeyRow): PartnerApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.key_prefix,
  feedbackEmail: r.feedback_email,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** last_used_at is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION = `interval '1 minute'`;

/**
 * API keys of partner organisations, for partner systems that file signals: created and revoked by admins, stored
 * as a sha256 only (the key is shown once, at creation). Also the authenticator the SessionGuard asks on routes
 * that accept API keys.
 */
@Injectable()
export class PartnerApiKeysService implements ApiKeyAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the partner organisation is not one of the organisation's. */
  async create(
    scope: TenantScope,
    actorId: string,
    partnerOrganisationId: string,
    dto: CreatePartnerApiKeyDto,
    now: Date,
  ): Promise<CreatedPartnerApiKey | null> {
    if (!(await this.partnerExists(scope, partnerOrganisationId))) return null;
    const fresh = newApiKey();
    const [row]: KeyRow[] = await this.dataSource.query(
      `WITH k AS (
         INSERT INTO partner_api_keys (organisation_id, partner_organisation_id, name, key_prefix, key_hash,
           feedback_email, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
       SELECT ${KEY_COLUMNS} FROM k JOIN users u ON u.id = k.created_by`,
      [
        scope.organisationId,
        partnerOrganisationId,
        dto.name.trim(),
        fresh.prefix,
        fresh.hash,
        dto.feedbackEmail?.trim().toLowerCase() || null,
        actorId,
        now,
      ],
    );
    return { ...toKey(row), key: fresh.key };
  }

  /** The partner's keys, newest first (revoked ones too); null when there is no such partner organisation. */
  async list(scope: TenantScope, partnerOrganisationId: string): Promise<PartnerApiKey[] | null> {
    if (!(await this.partnerExists(scope, partnerOrganisationId))) return null;
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${KEY_COLUMNS} FROM partner_api_keys k JOIN users u ON u.id = k.created_by
       WHERE k.organisation_id = $1 AND k.partner_organisation_id = $2
       ORDER BY k.created_at DESC, k.id`,
      [scope.organisationId, partnerOrganisationId],
    );
    return rows.map(toKey);
  }

  /** Revokes the key (again is fine: it keeps its first revocation). False when there is no such key. */
  async revoke(
    scope: TenantScope,
    partnerOrganisationId: string,
    keyId: string,
    now: Date,
  ): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE partner_api_keys SET revoked_at = coalesce(revoked_at, $4)
       WHERE organisation_id = $1 AND partner_organisation_id = $2 AND id = $3
       RETURNING id`,
      [scope.organisationId, partnerOrganisationId, keyId, now],
    );
    return rows.length > 0;
  }

  /**
   * The partner system a key belongs to, or null for a malformed, unknown or revoked key. Looks the key up by its
   * hash and compares the hashes in constant time; notes when the key was last used.
   */
  async authenticate(key: string): Promise<ApiKeyPrincipal | null> {
    if (!isWellFormedApiKey(key)) return null;
    const hash = apiKeyHash(key);
    const [row]: Array<{
      id: string;
      organisation_id: string;
      partner_organisation_id: string;
      key_hash: Buffer;
      revoked_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT id, organisation_id, partner_organisation_id, key_hash, revoked_at
       FROM partner_api_keys WHERE key_hash = $1`,
      [hash],
    );
    if (!row || !hashesEqual(row.key_hash, hash) || row.revoked_at !== null) return null;
    await this.dataSource.query(
      `UPDATE partner_api_keys SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_RESOLUTION})`,
      [row.id],
    );
    return {
      keyId: row.id,
      organisationId: row.organisation_id,
      partnerOrganisationId: row.partner_organisation_id,
    };
  }

  private async partnerExists(scope: TenantScope, partnerOrganisationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM partner_organisations WHERE organisation_id = $1 AND id = $2`,
      [scope.organisationId, partnerOrganisationId],
    );
    return rows.length > 0;
  }
}
