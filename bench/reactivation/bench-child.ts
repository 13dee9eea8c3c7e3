import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** Every message a child sends has a type; `error` carries a failure of the child. */
export interface ChildReply {
  type: string;
}

/** The require hook of the scheduler bench: TypeScript through SWC, no build. */
const REGISTER = path.join(__dirname, '..', 'scheduler', 'register.cjs');

interface Waiting {
  type: string;
  resolve: (reply: ChildReply) => void;
  reject: (error: Error) => void;
}

/**
 * One child process of the bench (an application process, the SMTP sink, a load generator): a `.ts` file forked
 * with the require hook, set up by a JSON argument, talking over IPC. Replies are awaited by their type.
 */
export class BenchChild<Reply extends ChildReply> {
  private readonly waiting: Waiting[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (reply: Reply | { type: 'error'; message: string }) => {
      if (reply.type === 'error') {
        const error = new Error(`${name}: ${(reply as { message: string }).message}`);
        for (const w of this.waiting.splice(0)) w.reject(error);
        return;
      }
      const index = this.waiting.findIndex((w) => w.type === reply.type);
      if (index >= 0) this.waiting.splice(index, 1)[0].resolve(reply);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        for (const w of this.waiting.splice(0)) w.reject(new Error(`${name} exited (${code})`));
        resolve(code);
      }),
    );
  }

  /**
   * Forks `file` (next to this one) with `setup` and waits for its `ready` reply. `output`: a file descriptor for
   * the child's stdout and stderr (the application's JSON logs); the bench's own by default.
   */
  static async start<R extends ChildReply>(
    name: string,
    file: string,
    setup: unknown,
    options: { output?: number; timeoutMs?: number } = {},
  ): Promise<{ child: BenchChild<R>; ready: Extract<R, { type: 'ready' }> }> {
    const output = options.output ?? 'inherit';
    const child = new BenchChild<R>(
      name,
      fork(path.join(__dirname, file), [JSON.stringify(setup)], {
        execArgv: ['--enable-source-maps', '-r', REGISTER],
        stdio: ['ignore', output, output, 'ipc'],
      }),
    );
    const timeoutMs = options.timeoutMs ?? 120_000;
    try {
      const ready = await child.expect('ready' as Extract<R, { type: 'ready' }>['type'], timeoutMs);
      return { child, ready: ready as Extract<R, { type: 'ready' }> };
    } catch (error) {
      await child.stop(5_000);
      throw error;
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Sends a command and waits for the reply of type `reply`. */
  ask<T extends Reply['type']>(
    command: object,
    reply: T,
    timeoutMs = 600_000,
  ): Promise<Extract<Reply, { type: T }>> {
    const answered = this.expect(reply, timeoutMs);
    this.child.send(command);
    return answered as Promise<Extract<Reply, { type: T }>>;
  }

  private expect(type: string, timeoutMs: number): Promise<ChildReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new Error(`${this.name}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry: Waiting = {
        type,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiting.push(entry);
    });
  }

  /**
   * Ends the process: SIGTERM (the application's own graceful shutdown), SIGKILL after `timeoutMs`. Only this
   * child, by its pid.
   */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** In a child: sends a reply to the bench (no-op when not forked). */
export function reply<T extends ChildReply>(message: T): void {
  process.send?.(message);
}

/** In a child: reports a failure to the bench. */
export function replyError(error: unknown): void {
  reply({
    type: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

/** Sub-millisecond wall-clock time (epoch ms), comparable across the bench's processes and with Date.now(). */
export const wallClock = (): number => performance.timeOrigin + performance.now();
