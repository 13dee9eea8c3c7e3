import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis, { Cluster } from 'ioredis';
import { freePort } from '../support/private-redis';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The suite's own Redis: one server, or a local 3-master Redis Cluster. Nothing is ever saved to disk. */
export interface FaultRedis {
  readonly mode: 'single' | 'cluster';
  /** What the application gets as REDIS_URL (a cluster: its first node; REDIS_CLUSTER says it is one). */
  readonly url: string;
  /** The client the suite uses itself (queue counts, QueueEvents). */
  connect(name: string): Redis | Cluster;
  /** FLUSHALL on every master. */
  flushAll(): Promise<void>;
  /** SHUTDOWN NOSAVE on every node: everything in memory is gone. */
  stop(): Promise<void>;
  /** Starts the nodes again on the same ports (a cluster re-forms from its nodes.conf). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** One redis-server on a loopback port, `--save "" --appendonly no`, output to `<dir>/redis-<port>.log`. */
class RedisNode {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly extra: string[],
  ) {}

  async start(): Promise<void> {
    const log = createWriteStream(join(this.dir, `redis-${this.port}.log`), { flags: 'a' });
    const child = spawn(
      '/usr/bin/redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        this.dir,
        ...this.extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    const until = Date.now() + 10_000;
    for (;;) {
      try {
        await this.cli('PING');
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
        await sleep(50);
      }
    }
  }

  async cli(...args: string[]): Promise<string> {
    const { stdout } = await run('/usr/bin/redis-cli', ['-p', String(this.port), ...args]);
    return stdout.trim();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await this.cli('SHUTDOWN', 'NOSAVE').catch(() => child.kill('SIGKILL'));
    await exited;
    this.child = null;
  }
}

/** Redis going away is what the suite does on purpose: its own clients reconnect quietly. */
function quiet<T extends Redis | Cluster>(client: T): T {
  client.on('error', () => undefined);
  return client;
}

export async function startSingleRedis(dir: string): Promise<FaultRedis> {
  mkdirSync(dir, { recursive: true });
  const node = new RedisNode(await freePort(), dir, []);
  await node.start();
  const url = `redis://127.0.0.1:${node.port}`;
  return {
    mode: 'single',
    url,
    connect: (name) => quiet(new Redis(url, { maxRetriesPerRequest: null, connectionName: name })),
    flushAll: async () => void (await node.cli('FLUSHALL')),
    stop: () => node.stop(),
    start: () => node.start(),
    destroy: () => node.stop(),
  };
}

/**
 * Three masters with `--cluster-enabled yes`, joined by `redis-cli --cluster create … --cluster-yes`. The suite
 * waits for `cluster_state:ok` after creating and after every restart.
 */
export async function startRedisCluster(dir: string): Promise<FaultRedis> {
  mkdirSync(dir, { recursive: true });
  const ports = [await freePort(), await freePort(), await freePort()];
  const nodes = ports.map(
    (port) =>
      new RedisNode(port, dir, [
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '2000',
      ]),
  );
  await Promise.all(nodes.map((n) => n.start()));
  await run('/usr/bin/redis-cli', [
    '--cluster',
    'create',
    ...ports.map((p) => `127.0.0.1:${p}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  const ready = async () => {
    const until = Date.now() + 30_000;
    for (;;) {
      const states = await Promise.all(nodes.map((n) => n.cli('CLUSTER', 'INFO').catch(() => '')));
      if (states.every((s) => s.includes('cluster_state:ok'))) return;
      if (Date.now() > until) throw new Error(`Redis Cluster not ok: ${states.join(' | ')}`);
      await sleep(200);
    }
  };
  await ready();
  return {
    mode: 'cluster',
    url: `redis://127.0.0.1:${ports[0]}`,
    connect: (name) =>
      quiet(
        new Cluster(
          ports.map((port) => ({ host: '127.0.0.1', port })),
          { redisOptions: { maxRetriesPerRequest: null, connectionName: name } },
        ),
      ),
    flushAll: async () => {
      await Promise.all(nodes.map((n) => n.cli('FLUSHALL')));
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
    start: async () => {
      await Promise.all(nodes.map((n) => n.start()));
      await ready();
    },
    destroy: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
