import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { QueueName, type TimerJobPayload } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { CheckInGraceEndedProcessor } from '../../api/src/modules/check-ins/check-in-grace-ended.processor';
import { CheckInMissedProcessor } from '../../api/src/modules/check-ins/check-in-missed.processor';
import { CheckInOverdueProcessor } from '../../api/src/modules/check-ins/check-in-overdue.processor';
import { CheckInPreNoticeProcessor } from '../../api/src/modules/check-ins/check-in-pre-notice.processor';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import { TimerPlannerService } from '../../api/src/modules/scheduling/timer-planner.service';
import { TimerPurgeProcessor } from '../../api/src/modules/scheduling/timer-purge.processor';
import { WatchLapseScanService } from '../../api/src/modules/watches/watch-lapse-scan.service';
import { WatchTransitionsService } from '../../api/src/modules/watches/watch-transitions.service';
import { WatchesService } from '../../api/src/modules/watches/watches.service';
import {
  createCheckIn,
  createClient,
  createNotification,
  createTeam,
  createTimer,
  createWatch,
} from '../support/factories';
import { testConfig } from '../support/test-config';

/**
 * The engine without workers (api role): the tests drive the planner and the processors themselves, so every job
 * the planner adds stays in Redis to be counted.
 */
describe('the scheduling engine: timers, planner and processors', () => {
  const config = testConfig({ WAAKVLAM_ROLES: 'api', TIMER_LEASE_SECONDS: '60' });
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
  let app: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.get(QueueService).queue(QueueName.Timers).obliterate({ force: true });
    await app.close();
  });

  const timersOf = async (subjectId: string) =>
    (await db.query(
      `SELECT t.id::text AS id, kind, state, attempts FROM timers t WHERE subject_id = $1 ORDER BY t.id`,
      [subjectId],
    )) as Array<{ id: string; kind: string; state: string; attempts: number }>;

  /** A watch with one planned check-in due `dueDate` (grace ends `graceEndsOn`), straight into the database. */
  const plannedCheckIn = async (
    dueDate: string,
    graceEndsOn = dueDate,
    watchOptions: Parameters<typeof createWatch>[4] = {},
    clientOptions: Parameters<typeof createClient>[3] = {},
  ) => {
    const team = await createTeam(db);
    const client = await createClient(db, team.organisation.id, team.coordinator.id, clientOptions);
    const watch = await createWatch(db, team.organisation.id, client.id, team.caseworker.id, watchOptions);
    const checkIn = await createCheckIn(db, team.organisation.id, watch.id, team.caseworker.id, {
      dueDate,
      graceEndsOn,
    });
    return { team, client, watch, checkIn };
  };

  it('writes the first timer of a planned check-in in the same transaction, and pausing cancels it', async () => {
    const team = await createTeam(db);
    const client = await createClient(db, team.organisation.id, team.coordinator.id);
    const scope = TenantScope.fromSession({ organisationId: team.organisation.id });
    const start = calendar.today(new Date());
    const watch = await app.get(WatchesService).create(scope, team.coordinator.id, {
      clientId: client.id,
      primaryCaseworkerId: team.caseworker.id,
      intervalDays: 28,
      contactMode: 'phone',
      startDate: start,
    });
    const [checkIn]: Array<{ id: string; due_date: string }> = await db.query(
      `SELECT id, due_date::text AS due_date FROM check_ins WHERE watch_id = $1 AND status = 'planned'`,
      [watch.id],
    );
    const [timer]: Array<{ kind: string; state: string; fire_at: Date }> = await db.query(
      `SELECT kind, state, fire_at FROM timers WHERE subject_id = $1`,
      [checkIn.id],
    );
    // Two working days before the due date, at 09:00 in Amsterdam: the client's pre-notice.
    expect(timer).toEqual({
      kind: 'check_in_pre_notice',
      state: 'pending',
      fire_at: calendar.instantAt(calendar.addWorkingDays(checkIn.due_date, -2), '09:00'),
    });
    // The caseworker's morning digest is planned with the first watch.
    const digests: unknown[] = await db.query(
      `SELECT 1 FROM timers WHERE subject_id = $1 AND kind = 'caseworker_digest' AND state = 'pending'`,
      [team.caseworker.id],
    );
    expect(digests).toHaveLength(1);

    await app.get(WatchTransitionsService).apply(scope, team.coordinator.id, watch.id, 'pause', {});
    expect((await timersOf(checkIn.id)).map((t) => t.state)).toEqual(['cancelled']);
  });

  it('plans once when the planner runs twice (also at the same time): one job per due timer', async () => {
    const today = calendar.today(new Date());
    const { team, checkIn } = await plannedCheckIn(addDays(today, -6), addDays(today, -2));
    const due = await createTimer(db, team.organisation.id, 'check_in_missed', checkIn.id, new Date());
    const later = await createTimer(
      db,
      team.organisation.id,
      'check_in_overdue',
      checkIn.id,
      new Date(Date.now() + 3_600_000),
    );
    const planner = app.get(TimerPlannerService);
    await Promise.all([planner.tick(), planner.tick()]);
    await planner.tick();

    const queue = app.get(QueueService).queue(QueueName.Timers);
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) =>
      (j.data as TimerJobPayload).timerIds.includes(due.id),
    );
    expect(jobs.map((j) => j.id)).toEqual([`timer-${due.id}-1`]);
    expect(jobs[0].name).toBe('check-in-missed');
    expect(jobs[0].data).toEqual({ timerIds: [due.id] });
    // The timer an hour away is beyond the horizon: still pending, no job.
    expect(await timersOf(checkIn.id)).toEqual([
      { id: due.id, kind: 'check_in_missed', state: 'claimed', attempts: 1 },
      { id: later.id, kind: 'check_in_overdue', state: 'pending', attempts: 0 },
    ]);
  });

  it('puts timers of one kind due in the same second into one job, which takes them all with one effect each', async () => {
    const today = calendar.today(new Date());
    const fireAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    const planned = await Promise.all(
      [0, 1, 2].map(() => plannedCheckIn(addDays(today, -1), calendar.addWorkingDays(today, 3))),
    );
    const timers = await Promise.all(
      planned.map(({ team, checkIn }) =>
        createTimer(db, team.organisation.id, 'check_in_overdue', checkIn.id, fireAt),
      ),
    );
    const tick = await app.get(TimerPlannerService).tick();
    expect(tick).toMatchObject({ enqueued: 3, jobs: 1 });

    const queue = app.get(QueueService).queue(QueueName.Timers);
    const ids = timers.map((t) => t.id).sort((a, b) => Number(a) - Number(b));
    const job = await queue.getJob(`timer-${ids[0]}-1`);
    expect(job?.name).toBe('check-in-overdue');
    expect(job?.data).toEqual({ timerIds: ids });

    const processor = app.get(CheckInOverdueProcessor);
    await processor.process(job?.data as TimerJobPayload);
    await processor.process(job?.data as TimerJobPayload);
    for (const { checkIn, team } of planned) {
      expect((await timersOf(checkIn.id)).map((t) => [t.kind, t.state])).toEqual([
        ['check_in_overdue', 'done'],
        ['check_in_grace_ended', 'pending'],
      ]);
      const mails: Array<{ recipient: string }> = await db.query(
        `SELECT recipient FROM notifications WHERE idempotency_key = $1`,
        [`check-in-overdue-${checkIn.id}`],
      );
      expect(mails).toEqual([{ recipient: team.caseworker.email }]);
    }
  });

  it('claims a timer again, under a new job id, when its lease passed without completion (its job was lost)', async () => {
    const today = calendar.today(new Date());
    const { team, checkIn } = await plannedCheckIn(addDays(today, -6), addDays(today, -2));
    const timer = await createTimer(db, team.organisation.id, 'check_in_missed', checkIn.id, new Date());
    const planner = app.get(TimerPlannerService);
    await planner.tick();
    const queue = app.get(QueueService).queue(QueueName.Timers);
    // The job vanishes (as in a Redis flush); the lease has not passed yet, so nothing is claimed again.
    await (await queue.getJob(`timer-${timer.id}-1`))?.remove();
    await planner.tick();
    expect((await timersOf(checkIn.id))[0].attempts).toBe(1);

    const afterLease = new Date(Date.now() + 61_000);
    const tick = await planner.tick(() => afterLease);
    expect(tick.reclaimed).toBeGreaterThanOrEqual(1);
    expect(await timersOf(checkIn.id)).toEqual([
      { id: timer.id, kind: 'check_in_missed', state: 'claimed', attempts: 2 },
    ]);
    // Its new job (it may share it with other timers due in the same second) has a new id.
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter((j) =>
      (j.data as TimerJobPayload).timerIds.includes(timer.id),
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0].id).not.toBe(`timer-${timer.id}-1`);
  });

  it('stops adding jobs while the timer queue holds more than its cap', async () => {
    const capped = await NestFactory.createApplicationContext(
      AppModule.forConfig(
        testConfig({ WAAKVLAM_ROLES: 'api', PLANNER_QUEUE_CAP: '1', PLANNER_INTERVAL_MS: '300' }),
      ),
      { logger: false },
    );
    await capped.init();
    try {
      const today = calendar.today(new Date());
      const { team, checkIn } = await plannedCheckIn(addDays(today, -6), addDays(today, -2));
      await capped
        .get(QueueService)
        .queue(QueueName.Timers)
        .add('check-in-missed', { timerIds: ['0'] });
      const timer = await createTimer(db, team.organisation.id, 'check_in_missed', checkIn.id);
      const tick = await capped.get(TimerPlannerService).tick();
      expect(tick.capped).toBe(true);
      expect((await timersOf(checkIn.id)).find((t) => t.id === timer.id)?.state).toBe('pending');
    } finally {
      await capped.close();
    }
  });

  it('check-in-missed run twice (and twice at once): missed once, one retry, one event, one more in the streak', async () => {
    const today = calendar.today(new Date());
    const runs = [
      (p: CheckInMissedProcessor, id: string) =>
        p.process({ timerIds: [id] }).then(() => p.process({ timerIds: [id] })),
      (p: CheckInMissedProcessor, id: string) =>
        Promise.all([p.process({ timerIds: [id] }), p.process({ timerIds: [id] })]).then(() => undefined),
    ];
    for (const run of runs) {
      const { team, watch, checkIn } = await plannedCheckIn(addDays(today, -6), addDays(today, -2));
      const timer = await createTimer(db, team.organisation.id, 'check_in_missed', checkIn.id);
      await run(app.get(CheckInMissedProcessor), timer.id);

      const checkIns: Array<{ id: string; status: string; due_date: string }> = await db.query(
        `SELECT id, status, due_date::text AS due_date FROM check_ins WHERE watch_id = $1 ORDER BY created_at`,
        [watch.id],
      );
      expect(checkIns).toEqual([
        { id: checkIn.id, status: 'missed', due_date: addDays(today, -6) },
        { id: expect.any(String), status: 'planned', due_date: calendar.addWorkingDays(today, 2) },
      ]);
      const events: Array<{ type: string }> = await db.query(
        `SELECT type FROM watch_events WHERE watch_id = $1`,
        [watch.id],
      );
      expect(events).toEqual([{ type: 'check_in_missed' }]);
      const [{ missed_in_row }]: Array<{ missed_in_row: number }> = await db.query(
        `SELECT missed_in_row FROM watches WHERE id = $1`,
        [watch.id],
      );
      expect(missed_in_row).toBe(1);
      // The retry has its own first timer.
      expect((await timersOf(checkIns[1].id)).map((t) => t.state)).toEqual(['pending']);
    }
  });

  it('overdue and grace-ended run twice: the next step of the ladder is scheduled once', async () => {
    const today = calendar.today(new Date());
    const { team, checkIn } = await plannedCheckIn(addDays(today, -1), calendar.addWorkingDays(today, 3));
    const overdue = await createTimer(db, team.organisation.id, 'check_in_overdue', checkIn.id);
    const processor = app.get(CheckInOverdueProcessor);
    await Promise.all([
      processor.process({ timerIds: [overdue.id] }),
      processor.process({ timerIds: [overdue.id] }),
    ]);
    await processor.process({ timerIds: [overdue.id] });
    const afterOverdue = await timersOf(checkIn.id);
    expect(afterOverdue.map((t) => [t.kind, t.state])).toEqual([
      ['check_in_overdue', 'done'],
      ['check_in_grace_ended', 'pending'],
    ]);

    const grace = app.get(CheckInGraceEndedProcessor);
    await grace.process({ timerIds: [afterOverdue[1].id] });
    await grace.process({ timerIds: [afterOverdue[1].id] });
    expect((await timersOf(checkIn.id)).map((t) => [t.kind, t.state])).toEqual([
      ['check_in_overdue', 'done'],
      ['check_in_grace_ended', 'done'],
      ['check_in_missed', 'pending'],
    ]);
  });

  it('pre-notice of a self check-in run twice: one single-use link, stored hashed; none without consent', async () => {
    const due = calendar.addWorkingDays(calendar.today(new Date()), 2);
    const graceEndsOn = calendar.addWorkingDays(due, 3);
    const consenting = await plannedCheckIn(
      due,
      graceEndsOn,
      { contactMode: 'self' },
      { email: 'inwoner@example.nl', consentEmailReminders: true },
    );
    const silent = await plannedCheckIn(
      due,
      graceEndsOn,
      { contactMode: 'self' },
      { email: 'stil@example.nl' },
    );
    const processor = app.get(CheckInPreNoticeProcessor);
    for (const { team, checkIn } of [consenting, silent]) {
      const timer = await createTimer(db, team.organisation.id, 'check_in_pre_notice', checkIn.id);
      await Promise.all([
        processor.process({ timerIds: [timer.id] }),
        processor.process({ timerIds: [timer.id] }),
      ]);
      await processor.process({ timerIds: [timer.id] });
    }
    const tokens: Array<{ check_in_id: string; hash_length: number; expires_in_days: number }> =
      await db.query(
        `SELECT check_in_id, length(token_hash) AS hash_length,
              round(extract(epoch FROM expires_at - created_at) / 86400)::int AS expires_in_days
       FROM check_in_tokens WHERE check_in_id = ANY($1::uuid[])`,
        [[consenting.checkIn.id, silent.checkIn.id]],
      );
    expect(tokens).toEqual([{ check_in_id: consenting.checkIn.id, hash_length: 32, expires_in_days: 14 }]);
    // Both move on to the overdue step, once.
    for (const { checkIn } of [consenting, silent])
      expect((await timersOf(checkIn.id)).map((t) => [t.kind, t.state])).toEqual([
        ['check_in_pre_notice', 'done'],
        ['check_in_overdue', 'pending'],
      ]);
  });

  it('a timer of a check-in that is no longer planned does nothing', async () => {
    const today = calendar.today(new Date());
    const { team, watch, checkIn } = await plannedCheckIn(addDays(today, -6), addDays(today, -2));
    await db.query(`UPDATE check_ins SET status = 'cancelled' WHERE id = $1`, [checkIn.id]);
    const timer = await createTimer(db, team.organisation.id, 'check_in_missed', checkIn.id);
    await app.get(CheckInMissedProcessor).process({ timerIds: [timer.id] });
    const statuses: Array<{ status: string }> = await db.query(
      `SELECT status FROM check_ins WHERE watch_id = $1`,
      [watch.id],
    );
    expect(statuses).toEqual([{ status: 'cancelled' }]);
    expect((await timersOf(checkIn.id)).map((t) => t.state)).toEqual(['done']);
  });

  it('the lapse scan, seeded with one lapsing and one healthy watch, changes only the lapsing one, once', async () => {
    const team = await createTeam(db);
    const watchOf = async (missedInRow: number) =>
      createWatch(
        db,
        team.organisation.id,
        (await createClient(db, team.organisation.id, team.coordinator.id)).id,
        team.caseworker.id,
        { lapseThreshold: 2, missedInRow },
      );
    const lapsing = await watchOf(2);
    const healthy = await watchOf(1);
    const scan = app.get(WatchLapseScanService);
    const [first, second] = await Promise.all([scan.run(), scan.run()]);
    expect([...first, ...second].filter((id) => id === lapsing.id || id === healthy.id)).toEqual([
      lapsing.id,
    ]);
    expect(await scan.run()).not.toContain(lapsing.id);

    const rows: Array<{ id: string; status: string; events: number }> = await db.query(
      `SELECT w.id, w.status, (SELECT count(*)::int FROM watch_events e WHERE e.watch_id = w.id AND e.type = 'lapsed') AS events
       FROM watches w WHERE w.id = ANY($1::uuid[])`,
      [[lapsing.id, healthy.id]],
    );
    expect(rows.sort((a, b) => (a.id === lapsing.id ? -1 : b.id === lapsing.id ? 1 : 0))).toEqual([
      { id: lapsing.id, status: 'lapsed', events: 1 },
      { id: healthy.id, status: 'active', events: 0 },
    ]);
  });

  it('timer-purge run twice (and at once) deletes finished timers older than 7 days, and nothing else', async () => {
    const team = await createTeam(db);
    const timer = async (state: string, completedDaysAgo: number | null) =>
      (
        await db.query(
          `INSERT INTO timers (organisation_id, kind, subject_id, fire_at, state, lease_until, completed_at)
           VALUES ($1, 'caseworker_digest', gen_random_uuid(), now(), $2,
                   CASE WHEN $2 = 'claimed' THEN now() END,
                   CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END)
           RETURNING id::text AS id`,
          [team.organisation.id, state, completedDaysAgo],
        )
      )[0].id as string;
    const oldDone = await timer('done', 8);
    const oldCancelled = await timer('cancelled', 30);
    const recentDone = await timer('done', 6);
    const pending = await timer('pending', null);
    const claimed = await timer('claimed', null);
    const purge = app.get(TimerPurgeProcessor);
    await Promise.all([purge.process(), purge.process()]);
    await purge.process();
    const left: Array<{ id: string }> = await db.query(
      `SELECT t.id::text AS id FROM timers t WHERE t.id = ANY($1::bigint[]) ORDER BY t.id`,
      [[oldDone, oldCancelled, recentDone, pending, claimed]],
    );
    expect(left.map((r) => r.id)).toEqual([recentDone, pending, claimed]);
  });

  it('queues an outbox message again when its lease passed while pending or sending (its job was lost)', async () => {
    const team = await createTeam(db);
    const lost = await createNotification(db, team.organisation.id, { status: 'sending' });
    const waiting = await createNotification(db, team.organisation.id, { status: 'pending' });
    await db.query(
      `UPDATE notifications SET dispatches = 1,
         lease_until = CASE WHEN id = $1 THEN now() - interval '1 second' ELSE now() + interval '1 minute' END
       WHERE id = ANY($2::uuid[])`,
      [lost.id, [lost.id, waiting.id]],
    );
    const tick = await app.get(TimerPlannerService).tick();
    expect(tick.recoveredNotifications).toBeGreaterThanOrEqual(1);
    const mail = app.get(QueueService).queue(QueueName.Mail);
    expect(await mail.getJob(`${lost.id}-2`)).toBeDefined();
    expect(await mail.getJob(`${waiting.id}-2`)).toBeUndefined();
    const rows: Array<{ id: string; status: string; dispatches: number }> = await db.query(
      `SELECT id, status, dispatches FROM notifications WHERE id = ANY($1::uuid[]) ORDER BY dispatches DESC`,
      [[lost.id, waiting.id]],
    );
    // A message cut off mid-send is pending again, for the new job to claim.
    expect(rows).toEqual([
      { id: lost.id, status: 'pending', dispatches: 2 },
      { id: waiting.id, status: 'pending', dispatches: 1 },
    ]);
    await app.get(QueueService).queue(QueueName.Mail).obliterate({ force: true });
  });
});
