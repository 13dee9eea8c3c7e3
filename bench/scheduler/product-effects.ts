import type { INestApplicationContext } from '@nestjs/common';
import { CheckInOverdueProcessor } from '../../api/src/modules/check-ins/check-in-overdue.processor';
import type { BenchDatabase } from './bench-database';

export interface ProductEffectsResult {
  timers: number;
  jobs: number;
  concurrency: number;
  seconds: number;
  timersPerSecond: number;
  notifications: number;
  nextTimers: number;
}

/**
 * The product's own processor on a batch workload: `timers` planned check-ins get a claimed `check_in_overdue`
 * timer (untimed), then CheckInOverdueProcessor runs their jobs, 500 timers each, `concurrency` at a time, in this
 * process: lock the watches, take the timers, load the check-ins with their staff, render each caseworker's e-mail,
 * write the outbox rows and the next timers, queue the e-mails. Measures what the minimal burst processor leaves
 * out. Every timer must end with exactly one e-mail (the bench gives every planned check-in an overdue timer, also
 * where the ladder has none: then there is no next step).
 */
export async function runProductEffects(
  app: INestApplicationContext,
  db: BenchDatabase,
  timers: number,
  concurrency: number,
): Promise<ProductEffectsResult> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO timers (organisation_id, kind, subject_id, fire_at, state, lease_until, attempts)
     SELECT c.organisation_id, 'check_in_overdue', c.id, now(), 'claimed', now() + interval '5 minutes', 1
     FROM (SELECT organisation_id, id FROM check_ins WHERE status = 'planned' ORDER BY id LIMIT $1) c
     ON CONFLICT (subject_id, kind) WHERE state IN ('pending', 'claimed') DO NOTHING
     RETURNING id::text AS id`,
    [timers],
  );
  const ids = rows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
  const jobs: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) jobs.push(ids.slice(i, i + 500));
  const processor = app.get(CheckInOverdueProcessor);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) await processor.process({ timerIds: jobs[next++] });
    }),
  );
  const ms = performance.now() - t0;
  const [check] = await db.query<{ notifications: string; next_timers: string }>(
    `SELECT (SELECT count(*) FROM notifications WHERE idempotency_key LIKE 'check-in-overdue-%') AS notifications,
            (SELECT count(*) FROM timers WHERE kind IN ('check_in_grace_ended', 'check_in_missed')
               AND state = 'pending') AS next_timers`,
  );
  return {
    timers: ids.length,
    jobs: jobs.length,
    concurrency,
    seconds: ms / 1000,
    timersPerSecond: ids.length / (ms / 1000),
    notifications: Number(check.notifications),
    nextTimers: Number(check.next_timers),
  };
}
