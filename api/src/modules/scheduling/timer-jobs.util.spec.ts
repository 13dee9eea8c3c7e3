import { timerJobs, type ClaimedTimer } from './timer-jobs.util';

const at = (iso: string): Date => new Date(iso);
const timer = (id: string, kind: ClaimedTimer['kind'], fireAt: string, attempts = 1): ClaimedTimer => ({
  id,
  kind,
  fire_at: at(fireAt),
  attempts,
});

describe('timerJobs', () => {
  it('puts timers of one kind due in the same second into one job, run at the latest of them', () => {
    const jobs = timerJobs([
      timer('12', 'check_in_overdue', '2026-11-23T08:00:00.100Z'),
      timer('9', 'check_in_overdue', '2026-11-23T08:00:00.900Z'),
      timer('10', 'check_in_pre_notice', '2026-11-23T08:00:00.500Z'),
      timer('11', 'check_in_overdue', '2026-11-23T08:00:01.000Z'),
    ]);
    expect(jobs).toEqual([
      {
        name: 'check-in-overdue',
        jobId: 'timer-9-1',
        timerIds: ['9', '12'],
        runAt: at('2026-11-23T08:00:00.900Z'),
      },
      {
        name: 'check-in-pre-notice',
        jobId: 'timer-10-1',
        timerIds: ['10'],
        runAt: at('2026-11-23T08:00:00.500Z'),
      },
      {
        name: 'check-in-overdue',
        jobId: 'timer-11-1',
        timerIds: ['11'],
        runAt: at('2026-11-23T08:00:01.000Z'),
      },
    ]);
  });

  it('splits a large group into jobs of at most the given size, ids in numeric order', () => {
    const claimed = ['100', '7', '55', '8', '1000'].map((id) =>
      timer(id, 'check_in_missed', '2026-11-23T23:00:00Z'),
    );
    const jobs = timerJobs(claimed, 2);
    expect(jobs.map((j) => j.timerIds)).toEqual([['7', '8'], ['55', '100'], ['1000']]);
    expect(jobs.map((j) => j.jobId)).toEqual(['timer-7-1', 'timer-55-1', 'timer-1000-1']);
  });

  it("names a re-claimed group's job by its first timer's claim count, so it never reuses a lost job's id", () => {
    const [job] = timerJobs([
      timer('5', 'caseworker_digest', '2026-11-23T06:30:00Z', 3),
      timer('6', 'caseworker_digest', '2026-11-23T06:30:00Z', 1),
    ]);
    expect(job.jobId).toBe('timer-5-3');
    expect(job.jobId).not.toContain(':');
  });

  it('makes no job of nothing', () => {
    expect(timerJobs([])).toEqual([]);
  });
});
