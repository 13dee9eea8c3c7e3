import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One identity the provider knows: its subject and the claims it gives (email, name, role, organisation…). */
export type OidcTestAccounts = Record<string, Record<string, unknown>>;

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** A free loopback port (the app under test must know its own URL before it starts: the redirect URI). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The provider, run by Node itself: oidc-provider is an ES module with ES-module dependencies that the test runner
 * cannot load, so it runs in a child process. Dev interactions give a login form (any password) and a consent form.
 */
const PROVIDER_SCRIPT = `
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { clientId, clientSecret, redirectUris, accounts } = JSON.parse(process.env.WAAKVLAM_OIDC_TEST);
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = 'http://127.0.0.1:' + server.address().port;
const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { methods: ['S256'], required: () => true },
  features: { devInteractions: { enabled: true } },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'waakvlam_role', 'organisation'],
  },
  cookies: { keys: ['waakvlam-oidc-test-cookie-key'] },
  async findAccount(ctx, id) {
    const claims = accounts[id];
    return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
  },
});
server.on('request', provider.callback());
console.log(JSON.stringify({ issuer }));
`;

/** Starts a real OpenID Connect provider (oidc-provider) on a loopback port, for the given redirect URIs. */
export async function startOidcProvider(
  redirectUris: string[],
  accounts: OidcTestAccounts,
): Promise<OidcTestProvider> {
  const clientId = 'waakvlam-test';
  const clientSecret = 'waakvlam-test-client-secret-0123456789';
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', PROVIDER_SCRIPT], {
    cwd: join(__dirname, '../..'),
    env: {
      ...process.env,
      WAAKVLAM_OIDC_TEST: JSON.stringify({ clientId, clientSecret, redirectUris, accounts }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error(`The OIDC provider did not start: ${errors}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`The OIDC provider exited (${code}): ${errors}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { issuer?: string };
        if (parsed.issuer) {
          clearTimeout(timer);
          resolve(parsed.issuer);
        }
      } catch {
        // Not our line.
      }
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A browser, as far as the authorisation code flow needs one: cookies per origin, redirects followed by hand (so
 * every Set-Cookie on the way is kept), HTML forms submitted with their hidden fields.
 */
export class FlowBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new Map();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  /** Fetches `url` and follows redirects; returns the last response's URL, status and body. */
  async go(
    url: string,
    init: { method?: string; form?: Record<string, string>; stopAt?: string } = {},
  ): Promise<{ url: string; status: number; body: string; visited: string[] }> {
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const visited: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      visited.push(current.href);
      const jar = this.cookies(current.origin);
      const headers: Record<string, string> = {};
      if (jar.size > 0) headers['cookie'] = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(current, { method, headers, body, redirect: 'manual' });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair, ...attributes] = cookie.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1);
        const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
        if (expired || value === '') jar.delete(name);
        else jar.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        current = new URL(location, current);
        // Hand the redirect over instead of following it (e.g. to give the callback to another browser).
        if (init.stopAt && current.pathname === init.stopAt) {
          return { url: current.href, status: response.status, body: '', visited };
        }
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: current.href, status: response.status, body: await response.text(), visited };
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** Submits the page's form that contains `marker` (e.g. its hidden prompt), with its hidden fields and `fields`. */
  async submit(
    page: { url: string; body: string },
    marker: string,
    fields: Record<string, string> = {},
    stopAt?: string,
  ): Promise<{ url: string; status: number; body: string; visited: string[] }> {
    const form = [...page.body.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find((m) =>
      m[2].includes(marker),
    );
    if (!form) throw new Error(`No form with ${marker} at ${page.url}: ${page.body.slice(0, 500)}`);
    const hidden = Object.fromEntries(
      [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    return this.go(new URL(form[1], page.url).href, {
      method: 'POST',
      form: { ...hidden, ...fields },
      stopAt,
    });
  }
}
