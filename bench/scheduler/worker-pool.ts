import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WorkerCommand, WorkerReport, WorkerSetup } from './bench-worker';

interface Child {
  process: ChildProcess;
  done: number;
  failed: number;
  cpuMs: number;
  waiting: Array<{ type: WorkerReport['type']; resolve: () => void; reject: (error: Error) => void }>;
}

/** The bench's worker processes (bench-worker.ts), forked once and reused by the burst and the no-op phase. */
export class WorkerPool {
  private readonly children: Child[] = [];

  static async start(count: number, setup: WorkerSetup): Promise<WorkerPool> {
    const pool = new WorkerPool();
    const register = path.join(__dirname, 'register.cjs');
    for (let i = 0; i < count; i++) {
      const child: Child = {
        process: fork(path.join(__dirname, 'bench-worker.ts'), [JSON.stringify(setup)], {
          execArgv: ['--enable-source-maps', '-r', register],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
        done: 0,
        failed: 0,
        cpuMs: 0,
        waiting: [],
      };
      child.process.on('message', (report: WorkerReport) => {
        if (report.type === 'progress' || report.type === 'stopped') {
          child.done = report.done;
          child.failed = report.failed;
        }
        if (report.type === 'stopped') child.cpuMs = report.cpuMs;
        if (report.type === 'error') {
          for (const w of child.waiting.splice(0)) w.reject(new Error(`Worker process: ${report.message}`));
          return;
        }
        const index = child.waiting.findIndex((w) => w.type === report.type);
        if (index >= 0) child.waiting.splice(index, 1)[0].resolve();
      });
      child.process.on('exit', (code) => {
        for (const w of child.waiting.splice(0)) w.reject(new Error(`Worker process exited (${code})`));
      });
      pool.children.push(child);
    }
    await Promise.all(pool.children.map((c) => pool.expect(c, 'ready')));
    return pool;
  }

  get pids(): number[] {
    return this.children.map((c) => c.process.pid).filter((pid): pid is number => pid !== undefined);
  }

  get size(): number {
    return this.children.length;
  }

  /** Completed and failed jobs since the last start, over every process. */
  get progress(): { done: number; failed: number } {
    return this.children.reduce((sum, c) => ({ done: sum.done + c.done, failed: sum.failed + c.failed }), {
      done: 0,
      failed: 0,
    });
  }

  async run(mode: 'effect' | 'noop', queue: string, concurrency: number): Promise<void> {
    await Promise.all(
      this.children.map((c) => {
        c.done = 0;
        c.failed = 0;
        return this.command(c, { cmd: 'start', mode, queue, concurrency }, 'started');
      }),
    );
  }

  /** Stops the Workers; returns the CPU time the processes spent since they were started (ms, all processes). */
  async stop(): Promise<number> {
    await Promise.all(this.children.map((c) => this.command(c, { cmd: 'stop' }, 'stopped')));
    return this.children.reduce((sum, c) => sum + c.cpuMs, 0);
  }

  /** Waits until `total` jobs completed (or failed), or rejects after `timeoutMs`. Returns when it happened. */
  async waitFor(total: number, timeoutMs: number, onTick?: (done: number) => void): Promise<number> {
    const until = performance.now() + timeoutMs;
    let last = 0;
    for (;;) {
      const { done, failed } = this.progress;
      if (done + failed >= total) return performance.now();
      if (performance.now() > until)
        throw new Error(`Workers completed ${done} of ${total} jobs (${failed} failed) in ${timeoutMs} ms`);
      if (onTick && performance.now() - last > 5_000) {
        last = performance.now();
        onTick(done);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.process.exitCode !== null || !c.process.connected) return resolve();
            const timer = setTimeout(() => {
              c.process.kill('SIGKILL');
              resolve();
            }, 10_000);
            c.process.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.process.send({ cmd: 'exit' } satisfies WorkerCommand);
          }),
      ),
    );
  }

  private command(child: Child, command: WorkerCommand, reply: WorkerReport['type']): Promise<void> {
    const answered = this.expect(child, reply);
    child.process.send(command);
    return answered;
  }

  private expect(child: Child, type: WorkerReport['type']): Promise<void> {
    return new Promise((resolve, reject) => child.waiting.push({ type, resolve, reject }));
  }
}
