import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicyHeader } from '../../api/src/core/http/content-security-policy.util';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');
const NGINX_HEADERS = join(__dirname, '../../docker/nginx-security-headers.conf');

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );

describe("the console's Content-Security-Policy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
  });
  afterAll(() => t.close());

  it("sends the strict policy with the console's index and its routes", async () => {
    for (const path of ['/', '/index.html', '/inloggen', '/check-in/abc']) {
      const page = await t.client().get<string>(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(directives(policy)).toEqual(directives(contentSecurityPolicyHeader(false)));
      const d = directives(policy);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('script-src-attr')).toEqual(["'none'"]);
      expect(d.get('style-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });

  it('sends the same policy with API answers and upgrades insecure requests behind HTTPS', async () => {
    const api = await t.client().get('/api/health/live');
    expect(directives(api.headers.get('content-security-policy') ?? '')).toEqual(
      directives(contentSecurityPolicyHeader(false)),
    );
    const secure = await startTestApp({ COOKIE_SECURE: 'true' });
    try {
      const answer = await secure.client().get('/api/health/live');
      expect(directives(answer.headers.get('content-security-policy') ?? '')).toEqual(
        directives(contentSecurityPolicyHeader(true)),
      );
      expect(answer.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('is the policy nginx sends with the console in the container', () => {
    const conf = readFileSync(NGINX_HEADERS, 'utf8');
    const line = conf.split('\n').find((l) => l.startsWith('add_header Content-Security-Policy '));
    expect(line).toBeDefined();
    expect(/"([^"]+)"/.exec(line ?? '')?.[1]).toBe(contentSecurityPolicyHeader(false));
  });

  it('serves an index without inline script, inline style or event handler attributes', async () => {
    const index = (await t.client().get<string>('/')).body;
    expect(index).toContain('<wv-root');
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(index).not.toMatch(/<style\b/i);
    expect(index).not.toMatch(/\sstyle\s*=/i);
    expect(index).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('allows inline styles only on the tool pages (Swagger UI, Bull Board), never inline scripts', async () => {
    for (const path of ['/api/docs', '/api/admin/queues']) {
      const page = await t.client().get(path);
      const d = directives(page.headers.get('content-security-policy') ?? '');
      expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    }
    // Not a prefix of anything else: a console route that merely starts alike keeps the strict policy.
    const console = await t.client().get('/api/docsx');
    expect(directives(console.headers.get('content-security-policy') ?? '').get('style-src')).toEqual([
      "'self'",
    ]);
  });
});
