import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_REDIS_URL, currentTestRun } from '../support/test-run';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/api/api/src/main.js');
const WORKER = join(ROOT, 'dist/api/api/src/worker.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor: (text: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
}

/** Starts a built entry point with this run's database and Redis prefix (and nothing else from this shell). */
function start(entry: string, env: Record<string, string>): Running {
  const run = currentTestRun();
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: run.databaseUrl,
      DATABASE_MIGRATION_URL: run.ownerDatabaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${run.redisPrefix}-proc`,
      MIGRATE_ON_START: 'true',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      PORT: '0',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: RegExp, ms = 20_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const match = output.match(text);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Did not see ${text} in:\n${output}`);
  };
  return { child, output: () => output, waitFor, exit };
}

describe('the built service as processes', () => {
  it('refuses to start with a malformed setting, naming it', async () => {
    const p = start(MAIN, { PORT: 'eighty', WAAKVLAM_ROLES: 'api,mailer' });
    expect(await p.exit).toBe(1);
    expect(p.output()).toContain('PORT must be a whole number from 0 to 65535');
    expect(p.output()).toContain('WAAKVLAM_ROLES must list one or more of api, worker');
  });

  it('runs HTTP, workers and the console in one process, and stops cleanly on SIGTERM', async () => {
    const p = start(MAIN, { WAAKVLAM_ROLES: 'api,worker', ADMIN_DIST: join(ROOT, 'dist/admin/browser') });
    const [, url] = await p.waitFor(/listens on (http:\/\/127\.0\.0\.1:\d+)/);
    await p.waitFor(/Processing \d+ job types/);

    const ready = await fetch(`${url}/api/health/ready`);
    expect(ready.status).toBe(200);
    for (const path of ['/', '/inloggen', '/wie-ben-ik']) {
      const page = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<wv-root>');
    }

    const started = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs a worker-only process that serves no HTTP and stops cleanly on SIGTERM', async () => {
    const p = start(WORKER, {});
    await p.waitFor(/Processing \d+ job types/);
    expect(p.output()).not.toMatch(/listens on/);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
  });
});
