import { TIMER_JOB, type TimerKind } from '../../core/queue/queue.constants';

/** A timer as the planner claimed it. */
export interface ClaimedTimer {
  id: string;
  kind: TimerKind;
  fire_at: Date;
  attempts: number;
}

/** One BullMQ job for a group of claimed timers. */
export interface TimerJob {
  name: (typeof TIMER_JOB)[TimerKind];
  jobId: string;
  timerIds: string[];
  /** When the job may run: the latest fire time in the group (at most a second after the earliest). */
  runAt: Date;
}

/** The most timers one job carries: enough to share a job's and a transaction's cost, small enough to retry. */
export const TIMERS_PER_JOB = 500;

const byNumericId = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups claimed timers into jobs: one job per kind and second of `fire_at`, in chunks of at most `perJob` timers.
 * The job id is the group's first timer id with that timer's claim count (`timer-<id>-<attempts>`): a timer is in one
 * group per claim, so the id is unique and the same claim never yields two jobs.
 */
export function timerJobs(claimed: readonly ClaimedTimer[], perJob = TIMERS_PER_JOB): TimerJob[] {
  const groups = new Map<string, ClaimedTimer[]>();
  for (const timer of claimed) {
    const key = `${timer.kind}|${Math.floor(timer.fire_at.getTime() / 1000)}`;
    const group = groups.get(key);
    if (group) group.push(timer);
    else groups.set(key, [timer]);
  }
  const jobs: TimerJob[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => byNumericId(a.id, b.id));
    for (let start = 0; start < group.length; start += perJob) {
      const chunk = group.slice(start, start + perJob);
      const first = chunk[0];
      jobs.push({
        name: TIMER_JOB[first.kind],
        jobId: `timer-${first.id}-${first.attempts}`,
        timerIds: chunk.map((t) => t.id),
        runAt: new Date(Math.max(...chunk.map((t) => t.fire_at.getTime()))),
      });
    }
  }
  return jobs;
}
