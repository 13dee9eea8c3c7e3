import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkingCalendar } from '@waakvlam/schedule';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { JOB_SCHEDULES, JobName, QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { MissedCheckInSweep } from '../../api/src/modules/check-ins/missed-check-in-sweep.service';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import { createCheckIn, createClient, createTeam, createWatch } from '../support/factories';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-run';

describe('the check-in-missed-sweep job', () => {
  const config = testConfig({ WAAKVLAM_ROLES: 'worker' });
  let app: INestApplicationContext;
  let db: DataSource;
  let events: QueueEvents;
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    db = app.get(DataSource);
    events = new QueueEvents(QueueName.Housekeeping, { connection, prefix: config.queuePrefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await app.close();
    connection.disconnect();
  });

  /** An organisation (in a time zone) with one watch and one planned check-in whose grace ends on `graceEndsOn`. */
  const plannedCheckIn = async (graceEndsOn: string, timeZone = 'Europe/Amsterdam') => {
    const team = await createTeam(db);
    await db.query(`UPDATE organisations SET time_zone = $2 WHERE id = $1`, [team.organisation.id, timeZone]);
    const client = await createClient(db, team.organisation.id, team.coordinator.id);
    const watch = await createWatch(db, team.organisation.id, client.id, team.caseworker.id);
    const checkIn = await createCheckIn(db, team.organisation.id, watch.id, team.caseworker.id, {
      dueDate: addDays(graceEndsOn, -3),
      graceEndsOn,
    });
    return { team, watch, checkIn };
  };

  const rowsOf = async (watchId: string) => ({
    checkIns: (await db.query(
      `SELECT id, status, due_date::text AS due_date FROM check_ins WHERE watch_id = $1 ORDER BY created_at, status`,
      [watchId],
    )) as Array<{ id: string; status: string; due_date: string }>,
    events: (await db.query(`SELECT type, actor_id, details FROM watch_events WHERE watch_id = $1`, [
      watchId,
    ])) as Array<{ type: string; actor_id: string | null; details: Record<string, unknown> }>,
  });

  it('is scheduled every 15 minutes', () => {
    expect(JOB_SCHEDULES).toContainEqual({
      id: 'check-in-missed-sweep-every-15-minutes',
      job: JobName.CheckInMissedSweep,
      everyMs: 15 * 60_000,
    });
  });

  it('run twice through the queue, marks a check-in past its grace period missed once and plans one retry', async () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
    const today = calendar.today(new Date());
    const late = await plannedCheckIn(addDays(today, -1));
    const onTime = await plannedCheckIn(today);

    const queue = app.get(QueueService).queue(QueueName.Housekeeping);
    for (let run = 0; run < 2; run++) {
      const job = await queue.add(JobName.CheckInMissedSweep, {});
      await job.waitUntilFinished(events, 15_000);
    }

    const after = await rowsOf(late.watch.id);
    expect(after.checkIns).toEqual([
      { id: late.checkIn.id, status: 'missed', due_date: addDays(today, -4) },
      { id: expect.any(String), status: 'planned', due_date: calendar.addWorkingDays(today, 2) },
    ]);
    expect(after.events).toEqual([
      {
        type: 'check_in_missed',
        actor_id: null,
        details: {
          checkInId: late.checkIn.id,
          dueDate: addDays(today, -4),
          retryDueDate: calendar.addWorkingDays(today, 2),
        },
      },
    ]);
    // The last day of the grace period is still on time.
    expect((await rowsOf(onTime.watch.id)).checkIns.map((c) => c.status)).toEqual(['planned']);
  });

  it("decides 'past the grace period' in each organisation's own time zone", async () => {
    // 20:00 UTC on 10 March 2001 is already 11 March in Kiritimati (UTC+14), still 10 March in Pago Pago (UTC−11).
    const now = new Date('2001-03-10T20:00:00Z');
    const east = await plannedCheckIn('2001-03-10', 'Pacific/Kiritimati');
    const west = await plannedCheckIn('2001-03-10', 'Pacific/Pago_Pago');
    const sweep = app.get(MissedCheckInSweep);
    expect(await sweep.run(now)).toBeGreaterThanOrEqual(1);
    expect(await sweep.run(now)).toBe(0);
    expect((await rowsOf(east.watch.id)).checkIns.map((c) => c.status)).toEqual(['missed', 'planned']);
    expect((await rowsOf(west.watch.id)).checkIns.map((c) => c.status)).toEqual(['planned']);
    const retry = (await rowsOf(east.watch.id)).checkIns[1];
    expect(retry.due_date).toBe(
      new WorkingCalendar({ timeZone: 'Pacific/Kiritimati' }).addWorkingDays('2001-03-11', 2),
    );
  });

  it('leaves a cancelled check-in alone, and runs concurrently with one effect', async () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
    const today = calendar.today(new Date());
    const { watch, checkIn } = await plannedCheckIn(addDays(today, -2));
    await db.query(`UPDATE check_ins SET status = 'cancelled' WHERE id = $1`, [checkIn.id]);
    const other = await plannedCheckIn(addDays(today, -2));
    const sweep = app.get(MissedCheckInSweep);
    await Promise.all([sweep.run(), sweep.run(), sweep.run()]);
    expect((await rowsOf(watch.id)).checkIns.map((c) => c.status)).toEqual(['cancelled']);
    const after = await rowsOf(other.watch.id);
    expect(after.checkIns.map((c) => c.status)).toEqual(['missed', 'planned']);
    expect(after.events).toHaveLength(1);
  });
});
