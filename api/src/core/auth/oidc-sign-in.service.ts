import { Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client' with { 'resolution-mode': 'import' };
import { DataSource } from 'typeorm';
import { AppConfig, type OidcConfig } from '../config/app.config';
import type { OidcMappableRole } from '../config/config.schema';
import { isUniqueViolation } from '../../modules/clients/field-problem.util';
import { AuthCrypto } from './auth-crypto.service';
import { AuthService, type StartedSession } from './auth.service';
import { OidcRefusal } from './oidc-refusal.error';
import { openIdClient } from './openid-client.loader';
import { PasswordHasher } from './password-hasher.service';
import { type AttemptOrigin, SignInAudit } from './sign-in-audit.service';
import { newToken } from './tokens.util';

/** How long the browser may take at the provider. */
export const OIDC_STATE_MS = 10 * 60_000;
/** Strongest first: with several mapped values, the first of these that is present wins. */
const ROLE_ORDER: readonly OidcMappableRole[] = ['admin', 'coordinator', 'caseworker'];

interface OidcState {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

const claimValues = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/**
 * Sign-in with an OpenID Connect provider for staff: the authorisation code flow with PKCE (S256), state and nonce,
 * kept in an encrypted, HttpOnly cookie of this browser only. The claims give the role (OIDC_ROLE_MAP) and, when
 * configured, prove the organisation; the user is the one with this subject in the configured organisation, else
 * the one with this (verified) e-mail address there, which is then linked to the subject. An unknown identity is
 * refused, or gets an account when OIDC_PROVISION_USERS. The role follows the provider at every sign-in.
 */
@Injectable()
export class OidcSignIn {
  private discovered: Promise<Configuration> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly crypto: AuthCrypto,
    private readonly auth: AuthService,
    private readonly passwords: PasswordHasher,
    private readonly audit: SignInAudit,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  /** The provider's authorisation URL and the sealed state for the cookie. */
  async start(oidc: OidcConfig): Promise<{ url: string; cookie: string }> {
    const client = openIdClient();
    const configuration = await this.configuration(oidc);
    const state: OidcState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expiresAt: Date.now() + OIDC_STATE_MS,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUrl,
      scope: oidc.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
    });
    const sealed = this.crypto.encrypt('oidc-state', Buffer.from(JSON.stringify(state)), 'oidc-state');
    return { url: url.href, cookie: sealed.toString('base64url') };
  }

  /** Completes the flow on the provider's redirect; throws OidcRefusal when the identity may not sign in. */
  async complete(
    oidc: OidcConfig,
    callbackUrl: URL,
    cookie: string | undefined,
    origin: AttemptOrigin,
  ): Promise<StartedSession> {
    try {
      const state = this.openState(cookie);
      const client = openIdClient();
      const configuration = await this.configuration(oidc);
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: state.verifier,
        expectedState: state.state,
        expectedNonce: state.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcRefusal('no_id_token');
      const userInfo = tokens.access_token
        ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub).catch(() => ({}))
        : {};
      const claims: Record<string, unknown> = { ...userInfo, ...idClaims };
      return await this.signIn(oidc, idClaims.sub, claims, origin);
    } catch (error) {
      // An error of the provider or the flow (state, nonce, PKCE, signature) is a refusal too; the controller logs it.
      await this.audit.attempt('oidc', 'failure', 'oidc_refused', null, origin);
      throw error;
    }
  }

  private async signIn(
    oidc: OidcConfig,
    subject: string,
    claims: Record<string, unknown>,
    origin: AttemptOrigin,
  ): Promise<StartedSession> {
    if (
      oidc.organisationClaim &&
      !claimValues(claims[oidc.organisationClaim.name]).includes(oidc.organisationClaim.value)
    ) {
      throw new OidcRefusal('other_organisation');
    }
    const mapped = new Set(claimValues(claims[oidc.roleClaim]).map((v) => oidc.roleMap.get(v)));
    const role = ROLE_ORDER.find((r) => mapped.has(r));
    if (!role) throw new OidcRefusal('no_role');
    const email = claimValues(claims[oidc.emailClaim])[0]?.trim().toLowerCase() ?? null;
    const emailUsable = email !== null && claims['email_verified'] !== false;

    const found: Array<{ id: string; active: boolean; role: string }> = await this.dataSource.query(
      `SELECT id, active, role FROM users
       WHERE organisation_id = $1 AND (oidc_subject = $2 OR ($3::text IS NOT NULL AND oidc_subject IS NULL AND email = $3))
       ORDER BY (oidc_subject = $2) DESC NULLS LAST LIMIT 1`,
      [oidc.organisationId, subject, emailUsable ? email : null],
    );
    let userId = found[0]?.id;
    if (found[0] && (!found[0].active || found[0].role === 'partner')) {
      await this.audit.attempt(
        'oidc',
        'failure',
        found[0].active ? 'oidc_refused' : 'inactive_account',
        { userId: found[0].id, organisationId: oidc.organisationId, role: found[0].role },
        origin,
      );
      throw new OidcRefusal(found[0].active ? 'partner_account' : 'inactive_account');
    }
    if (userId) {
      await this.dataSource.query(
        `UPDATE users SET oidc_subject = $2, role = $3, updated_at = now() WHERE id = $1 AND organisation_id = $4`,
        [userId, subject, role, oidc.organisationId],
      );
    } else {
      if (!oidc.provisionUsers) throw new OidcRefusal('unknown_user');
      if (!emailUsable || !email) throw new OidcRefusal('no_verified_email');
      userId = await this.provision(oidc, subject, email, role, claims);
    }
    await this.audit.attempt(
      'oidc',
      'success',
      'oidc',
      { userId, organisationId: oidc.organisationId, role },
      origin,
    );
    return this.auth.startSession(userId);
  }

  private async provision(
    oidc: OidcConfig,
    subject: string,
    email: string,
    role: OidcMappableRole,
    claims: Record<string, unknown>,
  ): Promise<string> {
    const name = claimValues(claims[oidc.nameClaim])[0]?.trim().slice(0, 200) || email;
    // A password nobody knows: the account signs in with the provider only (until a password is set).
    const unusable = await this.passwords.hash(newToken());
    try {
      const [row]: Array<{ id: string }> = await this.dataSource.query(
        `INSERT INTO users (organisation_id, email, display_name, role, password_hash, oidc_subject)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [oidc.organisationId, email, name, role, unusable, subject],
      );
      return row.id;
    } catch (error) {
      // The address belongs to an account of another organisation: never cross tenants.
      if (isUniqueViolation(error, 'users_email_unique')) throw new OidcRefusal('email_in_use');
      throw error;
    }
  }

  private openState(cookie: string | undefined): OidcState {
    const opened = cookie
      ? this.crypto.decrypt('oidc-state', Buffer.from(cookie, 'base64url'), 'oidc-state')
      : null;
    if (!opened) throw new OidcRefusal('no_state');
    const state = JSON.parse(opened.toString('utf8')) as OidcState;
    if (state.expiresAt < Date.now()) throw new OidcRefusal('state_expired');
    return state;
  }

  private configuration(oidc: OidcConfig): Promise<Configuration> {
    const client = openIdClient();
    this.discovered ??= client
      .discovery(
        new URL(oidc.issuerUrl),
        oidc.clientId,
        undefined,
        client.ClientSecretBasic(oidc.clientSecret),
        {
          // Plain http only outside production (the configuration refuses it there): a provider on the loopback.
          execute: oidc.issuerUrl.startsWith('http:') ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.discovered = null;
        throw error;
      });
    return this.discovered;
  }
}
