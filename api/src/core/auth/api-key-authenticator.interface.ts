import type { FastifyRequest } from 'fastify';

/** A partner system, authenticated by its partner organisation's API key. */
export interface ApiKeyPrincipal {
  keyId: string;
  organisationId: string;
  partnerOrganisationId: string;
}

/**
 * Checks an API key; provided by the partner-keys module under API_KEY_AUTHENTICATOR. Null for an unknown,
 * malformed or revoked key.
 */
export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<ApiKeyPrincipal | null>;
}

export const API_KEY_AUTHENTICATOR = Symbol('ApiKeyAuthenticator');

/** The API key a request presents (`X-Api-Key`, else `Authorization: Bearer`), or null when it presents none. */
export function presentedApiKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct !== undefined) return direct.trim();
  const authorization = request.headers.authorization;
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return bearer ? bearer[1] : null;
}
