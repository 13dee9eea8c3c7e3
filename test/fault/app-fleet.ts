import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type WriteStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/private-redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One process of the real build (`dist/api/api/src/{main,worker}.js`), its output appended to a file. */
export class AppProcess {
  child: ChildProcess | null = null;
  /** Exit codes of earlier incarnations (restarts), newest last. */
  readonly exits: Array<{ code: number | null; signal: string | null }> = [];
  starts = 0;
  /** Started and serving (an api ready, a worker processing), not on its way up. */
  ready = false;
  private output = '';
  private log: WriteStream;

  constructor(
    readonly name: string,
    readonly role: 'api' | 'worker',
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly port: number | null,
    logFile: string,
    private readonly nodeArgs: readonly string[] = [],
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Set by `stop`: the suite is ending, nothing starts any more. */
  private stopped = false;

  /** Starts the process and resolves once it serves: HTTP ready for an api, processing jobs for a worker. */
  async start(timeoutMs = 90_000): Promise<number> {
    if (this.stopped) throw new Error(`${this.name} is stopped for good`);
    const t0 = Date.now();
    this.ready = false;
    this.starts++;
    this.output = '';
    this.log.write(`\n===== start #${this.starts} at ${new Date().toISOString()} =====\n`);
    const child = spawn(process.execPath, ['--enable-source-maps', ...this.nodeArgs, this.entry], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const onData = (d: Buffer) => {
      this.log.write(d);
      if (this.output.length < 200_000) this.output += d.toString();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      this.ready = false;
      this.exits.push({ code, signal });
      this.log.write(`\n===== exit code ${code} signal ${signal} at ${new Date().toISOString()} =====\n`);
    });
    const until = t0 + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited while starting:\n${this.output.slice(-3000)}`);
      if (this.role === 'worker' ? /Processing \d+ job types/.test(this.output) : await this.serving()) {
        this.ready = true;
        return Date.now() - t0;
      }
      await sleep(100);
    }
    throw new Error(`${this.name} did not start within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
  }

  /** Sends a signal; for SIGKILL and SIGTERM resolves when the process is gone, with its exit. */
  async signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const child = this.child;
    if (!child || !this.running) return { code: null, signal: null, ms: 0 };
    const t0 = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    child.kill(signal);
    if (signal !== 'SIGKILL' && signal !== 'SIGTERM') return { code: null, signal: null, ms: 0 };
    const exit = await exited;
    return { ...exit, ms: Date.now() - t0 };
  }

  /** Stops the process (SIGTERM, SIGKILL after `ms`). */
  async stop(ms = 30_000): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGCONT');
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  close(): void {
    this.log.end();
  }

  private async serving(): Promise<boolean> {
    if (!/listens on/.test(this.output)) return false;
    try {
      const response = await fetch(`${this.url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
      return response.status === 200;
    } catch {
      return false;
    }
  }
}

/**
 * The production configuration of a suite's processes (the fault suite, the soak test): its own database (the
 * application's role, the owner for migrations, migrated beforehand), Redis and SMTP server, a fresh encryption key,
 * no demo data, no console, logs at `warn`.
 */
export function suiteEnv(services: {
  appDatabaseUrl: string;
  ownerDatabaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  smtpUrl: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: services.appDatabaseUrl,
    DATABASE_MIGRATION_URL: services.ownerDatabaseUrl,
    MIGRATE_ON_START: 'false',
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX: services.redisPrefix,
    SMTP_URL: services.smtpUrl,
    AUTH_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ADMIN_DIST: '',
  };
}

export interface FleetSetup {
  root: string;
  runDir: string;
  apis: number;
  workers: number;
  /** The environment every process gets (besides PATH, PORT and PUBLIC_URL). */
  env: Record<string, string>;
  /** Node options before the entry point (the soak test's probe: `--expose-gc -r …`). */
  nodeArgs?: (name: string) => string[];
}

/** The application under test: N api and M worker processes of the real build, each with its own log file. */
export class AppFleet {
  readonly apis: AppProcess[] = [];
  readonly workers: AppProcess[] = [];

  static async create(setup: FleetSetup): Promise<AppFleet> {
    const fleet = new AppFleet();
    const dist = join(setup.root, 'dist/api/api/src');
    for (let i = 1; i <= setup.apis; i++) {
      const port = await freePort();
      const env = {
        PATH: process.env['PATH'] ?? '',
        ...setup.env,
        WAAKVLAM_ROLES: 'api',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      };
      fleet.apis.push(
        new AppProcess(
          `api-${i}`,
          'api',
          join(dist, 'main.js'),
          env,
          port,
          join(setup.runDir, `api-${i}.log`),
          setup.nodeArgs?.(`api-${i}`),
        ),
      );
    }
    for (let i = 1; i <= setup.workers; i++) {
      // Links in e-mails point at the first api process.
      const env = {
        PATH: process.env['PATH'] ?? '',
        PUBLIC_URL: fleet.apis[0]?.url ?? 'http://127.0.0.1:3000',
        ...setup.env,
        WAAKVLAM_ROLES: 'worker',
        // A worker says it is processing ("Processing N job types") at info; it logs little else at that level.
        LOG_LEVEL: 'info',
      };
      fleet.workers.push(
        new AppProcess(
          `worker-${i}`,
          'worker',
          join(dist, 'worker.js'),
          env,
          null,
          join(setup.runDir, `worker-${i}.log`),
          setup.nodeArgs?.(`worker-${i}`),
        ),
      );
    }
    return fleet;
  }

  get all(): AppProcess[] {
    return [...this.apis, ...this.workers];
  }

  /** Starts every process: the workers first one by one (the first registers the schedules), then the apis. */
  async start(): Promise<void> {
    for (const worker of this.workers) await worker.start();
    await Promise.all(this.apis.map((api) => api.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((p) => p.stop()));
    for (const p of this.all) p.close();
  }
}
