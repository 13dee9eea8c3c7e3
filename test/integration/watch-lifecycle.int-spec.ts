import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CheckInOutcome, Watch } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { ProblemException } from '../../api/src/core/http/problem.exception';
import { CheckInCompletionService } from '../../api/src/modules/check-ins/check-in-completion.service';
import { CheckInsService } from '../../api/src/modules/check-ins/check-ins.service';
import { WatchEventsService } from '../../api/src/modules/watches/watch-events.service';
import { WatchTransitionsService } from '../../api/src/modules/watches/watch-transitions.service';
import { WatchesService } from '../../api/src/modules/watches/watches.service';
import { createClient, createTeam } from '../support/factories';
import { testConfig } from '../support/test-config';

describe('watch lifecycle against PostgreSQL', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let watches: WatchesService;
  let transitions: WatchTransitionsService;
  let completion: CheckInCompletionService;
  let events: WatchEventsService;
  let checkIns: CheckInsService;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
    watches = app.get(WatchesService);
    transitions = app.get(WatchTransitionsService);
    completion = app.get(CheckInCompletionService);
    events = app.get(WatchEventsService);
    checkIns = app.get(CheckInsService);
  });
  afterAll(() => app.close());

  const today = new Date().toISOString().slice(0, 10);

  const newWatch = async (options: { intervalDays?: number; min?: number; max?: number } = {}) => {
    const team = await createTeam(db);
    const client = await createClient(db, team.organisation.id, team.coordinator.id);
    const scope = TenantScope.fromSession({ organisationId: team.organisation.id });
    const watch = await watches.create(scope, team.coordinator.id, {
      clientId: client.id,
      primaryCaseworkerId: team.caseworker.id,
      intervalDays: options.intervalDays ?? 14,
      minIntervalDays: options.min,
      maxIntervalDays: options.max,
      contactMode: 'phone',
      startDate: today,
    });
    return { team, scope, watch, actor: team.coordinator.id };
  };

  const statusOf = async (error: Promise<unknown>): Promise<number> =>
    error.then(
      () => 200,
      (e: unknown) => (e instanceof ProblemException ? e.getStatus() : 500),
    );

  const planned = async (watchId: string): Promise<Array<{ id: string }>> =>
    db.query(`SELECT id FROM check_ins WHERE watch_id = $1 AND status = 'planned'`, [watchId]);

  it('answers 409 for every transition the current status does not allow, changing nothing', async () => {
    const { scope, watch, actor } = await newWatch();
    const refused: Record<string, Array<'pause' | 'resume' | 'end' | 'reopen'>> = {
      active: ['resume', 'reopen'],
      paused: ['pause', 'reopen'],
      ended: ['pause', 'resume', 'end'],
    };
    const go = (action: 'pause' | 'resume' | 'end' | 'reopen') =>
      transitions.apply(scope, actor, watch.id, action, { reason: 'other' });
    const check = async (status: string) => {
      for (const action of refused[status]) {
        const before = await db.query(`SELECT * FROM watches WHERE id = $1`, [watch.id]);
        const eventsBefore = (await events.list(scope.organisationId, watch.id)).length;
        expect({ status, action, code: await statusOf(go(action)) }).toEqual({ status, action, code: 409 });
        expect(await db.query(`SELECT * FROM watches WHERE id = $1`, [watch.id])).toEqual(before);
        expect(await events.list(scope.organisationId, watch.id)).toHaveLength(eventsBefore);
      }
    };
    await check('active');
    await go('pause');
    expect(await planned(watch.id)).toHaveLength(0);
    await check('paused');
    await go('end');
    await check('ended');
    await go('reopen');
    expect(await planned(watch.id)).toHaveLength(1);
    // The lapsed and reactivated statuses (set by later features) can only be ended here.
    for (const status of ['lapsed', 'reactivated']) {
      await db.query(`UPDATE watches SET status = $2 WHERE id = $1`, [watch.id, status]);
      for (const action of ['pause', 'resume', 'reopen'] as const)
        expect(await statusOf(go(action))).toBe(409);
    }
    expect(await statusOf(go('end'))).toBe(200);
  });

  it('lets exactly one of two concurrent ends win', async () => {
    const { scope, watch, actor } = await newWatch();
    const results = await Promise.all([
      statusOf(transitions.apply(scope, actor, watch.id, 'end', { reason: 'moved_away' })),
      statusOf(transitions.apply(scope, actor, watch.id, 'end', { reason: 'deceased' })),
    ]);
    expect(results.sort()).toEqual([200, 409]);
    const ended = (await events.list(scope.organisationId, watch.id)).filter((e) => e.type === 'ended');
    expect(ended).toHaveLength(1);
  });

  it('never leaves a planned check-in on a watch paused while it was being completed', async () => {
    for (let round = 0; round < 5; round++) {
      const { scope, watch, actor } = await newWatch();
      const id = watch.nextCheckIn?.id as string;
      const [done, paused] = await Promise.all([
        statusOf(
          completion.complete(scope, { userId: actor, isCaseworker: false }, id, {
            outcome: 'well',
            channel: 'phone',
          }),
        ),
        statusOf(transitions.apply(scope, actor, watch.id, 'pause', {})),
      ]);
      expect(paused).toBe(200);
      expect([200, 409]).toContain(done);
      expect(await planned(watch.id)).toHaveLength(0);
    }
  });

  it('completes a check-in once when two requests race', async () => {
    const { scope, watch, actor } = await newWatch();
    const id = watch.nextCheckIn?.id as string;
    const body = { outcome: 'well' as const, channel: 'phone' as const };
    const results = await Promise.all([
      statusOf(completion.complete(scope, { userId: actor, isCaseworker: false }, id, body)),
      statusOf(completion.complete(scope, { userId: actor, isCaseworker: false }, id, body)),
    ]);
    expect(results.sort()).toEqual([200, 409]);
    expect(await planned(watch.id)).toHaveLength(1);
  });

  it('adapts the cadence over a sequence of completions', async () => {
    const { scope, watch, actor } = await newWatch({ intervalDays: 14, min: 7, max: 28 });
    const complete = async (outcome: CheckInOutcome): Promise<Watch> => {
      const [next] = await planned(watch.id);
      await completion.complete(scope, { userId: actor, isCaseworker: false }, next.id, {
        outcome,
        channel: 'phone',
      });
      return (await watches.get({ scope, caseworkerId: null }, watch.id)) as Watch;
    };
    const intervals: number[] = [];
    const sequence: CheckInOutcome[] = [
      'well',
      'well',
      'well',
      'well',
      'well',
      'declined',
      'well',
      'well',
      'well',
      'concern',
      'concern',
      'concern',
    ];
    for (const outcome of sequence) intervals.push((await complete(outcome)).cadence.intervalDays);
    // 14 → 21 after three well; two more well do not grow it; `declined` breaks the streak; three new well → 28
    // (32 capped at max); each concern halves it down to min 7.
    expect(intervals).toEqual([14, 14, 21, 21, 21, 21, 21, 21, 28, 14, 7, 7]);

    const changes = (await events.list(scope.organisationId, watch.id)).filter(
      (e) => e.type === 'cadence_changed',
    );
    expect(changes.map((e) => [e.reason, e.details['to']])).toEqual([
      ['concern', { intervalDays: 7 }],
      ['concern', { intervalDays: 14 }],
      ['three_consecutive_well', { intervalDays: 28 }],
      ['three_consecutive_well', { intervalDays: 21 }],
    ]);
    const completed = (await events.list(scope.organisationId, watch.id)).filter(
      (e) => e.type === 'check_in_completed',
    );
    expect(completed).toHaveLength(sequence.length);
  });

  it("keeps each organisation's watches and check-ins to itself", async () => {
    const a = await newWatch();
    const b = await newWatch();
    expect(await watches.get({ scope: b.scope, caseworkerId: null }, a.watch.id)).toBeNull();
    expect(await transitions.apply(b.scope, b.actor, a.watch.id, 'pause', {})).toBeNull();
    expect(await checkIns.history(b.scope, null, a.watch.id)).toBeNull();
    expect(
      await completion.complete(
        b.scope,
        { userId: b.actor, isCaseworker: false },
        a.watch.nextCheckIn?.id as string,
        {
          outcome: 'well',
          channel: 'phone',
        },
      ),
    ).toBeNull();
    const page = await watches.list(
      { scope: b.scope, caseworkerId: null },
      { page: 1, pageSize: 100 },
      b.actor,
    );
    expect(page.items.map((w) => w.id)).toEqual([b.watch.id]);
    // PostgreSQL itself refuses a check-in whose caseworker belongs to another organisation.
    await expect(
      db.query(
        `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status)
         VALUES ($1, $2, $3, current_date, current_date, 'cancelled')`,
        [a.scope.organisationId, a.watch.id, b.team.caseworker.id],
      ),
    ).rejects.toThrow(/check_ins_caseworker_fk/);
    expect((await watches.get({ scope: a.scope, caseworkerId: null }, a.watch.id))?.status).toBe('active');
  });
});
