import { execFile } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/private-redis';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL 15 instance of the suite's own, so that it can be stopped and started without disturbing anyone:
 * initdb into a temporary directory and pg_ctl on a free loopback port, as the `postgres` OS user (root cannot run
 * postgres), trust authentication on loopback. The superuser is `postgres`.
 */
export class PrivatePostgres {
  readonly port: number;
  private readonly dir: string;
  private readonly data: string;
  private readonly log: string;

  private constructor(port: number) {
    this.port = port;
    this.dir = mkdtempSync(join(tmpdir(), 'waakvlam-fault-pg-'));
    this.data = join(this.dir, 'data');
    this.log = join(this.dir, 'postgres.log');
  }

  static async start(): Promise<PrivatePostgres> {
    if (!existsSync(join(BIN, 'initdb'))) throw new Error(`PostgreSQL 15 is not installed (${BIN}/initdb)`);
    const pg = new PrivatePostgres(await freePort());
    const { uid, gid } = await postgresIds();
    chownSync(pg.dir, uid, gid);
    await pg.asPostgres(`${BIN}/initdb`, [
      '-D',
      pg.data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    await pg.startServer();
    return pg;
  }

  /** A URL as `user` to `database` on this instance. */
  url(database: string, user = 'postgres'): string {
    return `postgres://${user}@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it takes connections. */
  async startServer(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c max_connections=200',
      '-c shared_buffers=128MB',
      // Durable commits: the suite checks that no acknowledged write is lost across a crash.
      '-c fsync=on',
      '-c synchronous_commit=on',
    ].join(' ');
    await this.asPostgres(`${BIN}/pg_ctl`, [
      '-D',
      this.data,
      '-l',
      this.log,
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Stops the server: `immediate` is a crash (no checkpoint; recovery from the WAL at the next start). */
  async stopServer(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await this.asPostgres(`${BIN}/pg_ctl`, ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** Stops the server for good, keeps its log in `logDir`, and removes the data directory. */
  async destroy(logDir: string | null): Promise<void> {
    await this.stopServer('fast').catch(() => undefined);
    if (logDir && existsSync(this.log)) copyFileSync(this.log, join(logDir, 'postgres.log'));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async asPostgres(command: string, args: string[]): Promise<void> {
    try {
      await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: this.dir });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
    }
  }
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
