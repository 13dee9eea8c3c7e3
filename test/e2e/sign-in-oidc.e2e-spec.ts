import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_COOKIE, SIGN_IN_PATHS } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import { createHttpApp } from '../../api/src/core/http/http-app.factory';
import { createOrganisation, createUser, type TestUser } from '../support/factories';
import { FlowBrowser, freePort, startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';
import { testConfig } from '../support/test-config';

/** The provider's dev interaction forms, told apart by their hidden prompt. */
const LOGIN_FORM = 'name="prompt" value="login"';
const CONSENT_FORM = 'name="prompt" value="consent"';

interface RunningApp {
  app: NestFastifyApplication;
  baseUrl: string;
  dataSource: DataSource;
}

describe('sign-in with OpenID Connect against a real provider (oidc-provider)', () => {
  let provider: OidcTestProvider;
  let refusing: RunningApp;
  let provisioning: RunningApp;
  let organisationId: string;
  let caseworker: TestUser;
  const newEmail = `nieuw-${Date.now()}@test.waakvlam.nl`;

  async function startApp(port: number, provision: boolean): Promise<RunningApp> {
    const baseUrl = `http://127.0.0.1:${port}`;
    const app = await createHttpApp(
      testConfig({
        PUBLIC_URL: baseUrl,
        OIDC_ENABLED: 'true',
        OIDC_PROVIDER_NAME: 'Gemeente Test',
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_ORGANISATION_ID: organisationId,
        OIDC_ROLE_MAP: 'wv-coordinatoren=coordinator,wv-begeleiders=caseworker',
        OIDC_ORGANISATION_CLAIM: 'organisation',
        OIDC_ORGANISATION_CLAIM_VALUE: 'team-noord',
        OIDC_PROVISION_USERS: String(provision),
      }),
    );
    await app.listen({ port, host: '127.0.0.1' });
    return { app, baseUrl, dataSource: app.get(DataSource) };
  }

  beforeAll(async () => {
    const [refusingPort, provisioningPort] = [await freePort(), await freePort()];
    const callback = (port: number): string => `http://127.0.0.1:${port}${SIGN_IN_PATHS.oidcCallback}`;
    // The organisation exists before the app starts; its users are made below, with the app's data source.
    const bootstrap = await startBootstrap();
    organisationId = (await createOrganisation(bootstrap)).id;
    caseworker = await createUser(bootstrap, organisationId, { role: 'caseworker' });
    await bootstrap.destroy();
    provider = await startOidcProvider([callback(refusingPort), callback(provisioningPort)], {
      'sub-anna': {
        email: caseworker.email.toUpperCase(),
        email_verified: true,
        name: 'Anna Regie',
        waakvlam_role: ['medewerkers', 'wv-coordinatoren'],
        organisation: 'team-noord',
      },
      'sub-nieuw': {
        email: newEmail,
        email_verified: true,
        name: 'Nieuwe Begeleider',
        waakvlam_role: 'wv-begeleiders',
        organisation: 'team-noord',
      },
      'sub-zuid': {
        email: `zuid-${Date.now()}@test.waakvlam.nl`,
        email_verified: true,
        waakvlam_role: 'wv-coordinatoren',
        organisation: 'team-zuid',
      },
      'sub-geen-rol': { email: caseworker.email, email_verified: true, organisation: 'team-noord' },
    });
    refusing = await startApp(refusingPort, false);
    provisioning = await startApp(provisioningPort, true);
  });
  afterAll(async () => {
    await refusing?.app.close();
    await provisioning?.app.close();
    await provider?.stop();
  });

  /** The whole flow as a browser goes through it: the console's link, the provider's login and consent, back. */
  async function signInAs(app: RunningApp, subject: string): Promise<{ browser: FlowBrowser; landed: URL }> {
    const browser = new FlowBrowser();
    const login = await browser.go(`${app.baseUrl}${SIGN_IN_PATHS.oidcStart}`);
    expect(new URL(login.url).origin).toBe(new URL(provider.issuer).origin);
    const authorise = new URL(login.visited[1]);
    expect(authorise.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorise.searchParams.get('state')).toBeTruthy();
    expect(authorise.searchParams.get('nonce')).toBeTruthy();
    const consent = await browser.submit(login, LOGIN_FORM, { login: subject, password: 'any' });
    const landed = consent.body.includes(CONSENT_FORM)
      ? await browser.submit(consent, CONSENT_FORM)
      : consent;
    return { browser, landed: new URL(landed.url) };
  }

  const me = async (app: RunningApp, browser: FlowBrowser): Promise<{ status: number; body: unknown }> => {
    const token = browser.cookies(app.baseUrl).get(SESSION_COOKIE);
    const response = await fetch(`${app.baseUrl}/api/auth/me`, {
      headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
    });
    return { status: response.status, body: await response.json() };
  };

  it('tells the console which provider to offer', async () => {
    const response = await fetch(`${refusing.baseUrl}${SIGN_IN_PATHS.providers}`);
    expect(await response.json()).toEqual({
      oidc: { name: 'Gemeente Test', startUrl: SIGN_IN_PATHS.oidcStart },
    });
  });

  it('signs a known user in by e-mail, with the role the claims map to, and links the subject', async () => {
    const { browser, landed } = await signInAs(refusing, 'sub-anna');
    expect(landed.href).toBe(`${refusing.baseUrl}/`);
    const signedIn = await me(refusing, browser);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      id: caseworker.id,
      role: 'coordinator',
      organisation: { id: organisationId },
    });
    const [row]: Array<{ oidc_subject: string; role: string }> = await refusing.dataSource.query(
      `SELECT oidc_subject, role FROM users WHERE id = $1`,
      [caseworker.id],
    );
    expect(row).toEqual({ oidc_subject: 'sub-anna', role: 'coordinator' });
    const [audit]: Array<{ reason: string }> = await refusing.dataSource.query(
      `SELECT details->>'reason' AS reason FROM audit_events
       WHERE user_id = $1 AND action = 'sign_in' AND resource = 'auth.oidc' AND outcome = 'success'`,
      [caseworker.id],
    );
    expect(audit.reason).toBe('oidc');
  });

  it('refuses an unknown identity, another organisation and an identity without a mapped role', async () => {
    for (const subject of ['sub-nieuw', 'sub-zuid', 'sub-geen-rol']) {
      const { browser, landed } = await signInAs(refusing, subject);
      expect(`${landed.pathname}${landed.search}`).toBe('/inloggen?oidc=refused');
      expect(browser.cookies(refusing.baseUrl).has(SESSION_COOKIE)).toBe(false);
    }
    const made: unknown[] = await refusing.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [
      newEmail,
    ]);
    expect(made).toHaveLength(0);
  });

  it('creates the account of an unknown identity when configured to', async () => {
    const { browser, landed } = await signInAs(provisioning, 'sub-nieuw');
    expect(landed.pathname).toBe('/');
    const signedIn = await me(provisioning, browser);
    expect(signedIn.body).toMatchObject({
      email: newEmail,
      displayName: 'Nieuwe Begeleider',
      role: 'caseworker',
    });
  });

  it('refuses a callback that is not bound to this browser (no state cookie)', async () => {
    const browser = new FlowBrowser();
    const login = await browser.go(`${refusing.baseUrl}${SIGN_IN_PATHS.oidcStart}`);
    const stop = SIGN_IN_PATHS.oidcCallback;
    const consent = await browser.submit(login, LOGIN_FORM, { login: 'sub-anna', password: 'any' }, stop);
    const atCallback = consent.body.includes(CONSENT_FORM)
      ? await browser.submit(consent, CONSENT_FORM, {}, stop)
      : consent;
    expect(new URL(atCallback.url).searchParams.get('code')).toBeTruthy();
    // Another browser (a victim of login CSRF) is made to open the redirect with the code: refused.
    const victim = new FlowBrowser();
    const landed = await victim.go(atCallback.url);
    expect(new URL(landed.url).search).toBe('?oidc=refused');
    expect(victim.cookies(refusing.baseUrl).has(SESSION_COOKIE)).toBe(false);
  });
});

/** A data source for the set-up before the apps start (the organisation their configuration names). */
async function startBootstrap(): Promise<DataSource> {
  const dataSource = createDataSource(testConfig());
  await dataSource.initialize();
  return dataSource;
}
