import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { ConfigModule } from '../../api/src/core/config/config.module';
import { DatabaseModule } from '../../api/src/core/database/database.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { MailModule } from '../../api/src/core/mail/mail.module';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueModule } from '../../api/src/core/queue/queue.module';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { CheckInCompletionService } from '../../api/src/modules/check-ins/check-in-completion.service';
import { CheckInTokensService } from '../../api/src/modules/check-ins/check-in-tokens.service';
import { NotificationsModule } from '../../api/src/modules/notifications/notifications.module';
import { NotificationsService } from '../../api/src/modules/notifications/notifications.service';
import { ReactivationNotifyProcessor } from '../../api/src/modules/reactivations/reactivation-notify.processor';
import {
  type ReactivationInput,
  ReactivationRequestsService,
} from '../../api/src/modules/reactivations/reactivation-requests.service';
import { ReactivationSlaBreachProcessor } from '../../api/src/modules/reactivations/reactivation-sla-breach.processor';
import { ReactivationSlaHalfProcessor } from '../../api/src/modules/reactivations/reactivation-sla-half.processor';
import {
  type ReactivationActor,
  ReactivationTransitionsService,
} from '../../api/src/modules/reactivations/reactivation-transitions.service';
import { ReactivationsModule } from '../../api/src/modules/reactivations/reactivations.module';
import { CheckInRemindersService } from '../../api/src/modules/reminders/check-in-reminders.service';
import { SchedulingModule } from '../../api/src/modules/scheduling/scheduling.module';
import { SelfCheckInService } from '../../api/src/modules/self-check-in/self-check-in.service';
import { WatchLapseScanService } from '../../api/src/modules/watches/watch-lapse-scan.service';
import { createCheckIn } from '../support/factories';
import {
  type ReactivationScenario,
  addWatch,
  createAbsence,
  createReactivationScenario,
  eventTypes,
  mailsOf,
  reasonsOf,
  requestsOf,
  setCapacity,
  setSlaSettings,
  slaTimersOf,
  watchState,
} from '../support/reactivation-factories';
import { setUserActive, setUserLocale } from '../support/reminder-factories';
import { createSelfCheckIn } from '../support/self-check-in-factories';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
/** A fixed clock: Monday 12 May 2031, 10:00 in Amsterdam (a working day). */
const MONDAY_10 = amsterdam.instantAt('2031-05-12', '10:00');
const at = (date: string, time: string): Date => amsterdam.instantAt(date, time);

/**
 * Reactivation requests against the real PostgreSQL and Redis: assignment, merging, the lifecycle and its effect on
 * the watch, the lapse and self check-in sources, SLA timers on a fixed clock, and the urgent queue's processor over
 * real SMTP. No queue workers run: the test runs the processors itself (twice, where it matters).
 */
describe('reactivation requests', () => {
  let sink: SmtpSink;
  let app: INestApplicationContext;
  let db: DataSource;
  let requests: ReactivationRequestsService;
  let transitions: ReactivationTransitionsService;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const config = testConfig({
      WAAKVLAM_ROLES: 'worker',
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://waakvlam.example.nl',
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-react`,
    });
    app = await NestFactory.createApplicationContext(
      {
        module: class ReactivationsTestModule {},
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule,
          QueueModule,
          MailModule,
          NotificationsModule,
          SchedulingModule,
          ReactivationsModule,
        ],
      },
      { logger: ['error'], abortOnError: false },
    );
    await app.init();
    db = app.get(DataSource);
    requests = app.get(ReactivationRequestsService);
    transitions = app.get(ReactivationTransitionsService);
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const inTx = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);
  const input = (s: ReactivationScenario, extra: Partial<ReactivationInput> = {}): ReactivationInput => ({
    organisationId: s.organisation.id,
    watchId: s.watchId,
    source: 'caseworker',
    urgency: 'normal',
    reason: 'Gaat slechter, wil weer hulp',
    actorId: s.caseworker.id,
    ...extra,
  });
  const open = (s: ReactivationScenario, extra: Partial<ReactivationInput> = {}, now = MONDAY_10) =>
    inTx((tx) => requests.request(tx, input(s, extra), now));
  const actor = (
    s: ReactivationScenario,
    who: 'coordinator' | 'caseworker' | 'backup',
  ): ReactivationActor => ({
    scope: TenantScope.fromSession({ organisationId: s.organisation.id }),
    userId: s[who].id,
    role: who === 'coordinator' ? 'coordinator' : 'caseworker',
  });
  const recipients = async (organisationId: string) =>
    (await mailsOf(db, organisationId)).map((m) => m.recipient);

  describe('assignment', () => {
    it('gives the request to the primary caseworker, who gets the e-mail', async () => {
      const s = await createReactivationScenario(db);
      const outcome = await open(s);
      expect(outcome.merged).toBe(false);
      const [row] = await requestsOf(db, s.watchId);
      expect(row).toMatchObject({
        id: outcome.id,
        status: 'open',
        assignee_id: s.caseworker.id,
        urgency: 'normal',
      });
      expect(row.sources).toEqual(['caseworker']);
      const mails = await mailsOf(db, s.organisation.id);
      expect(mails.map((m) => m.id)).toEqual(outcome.notificationIds);
      expect(mails.map((m) => m.recipient)).toEqual([s.caseworker.email]);
      expect(mails[0].subject).toBe(`Heractivering voor ${s.client.reference} (normaal)`);
      // Reference only (names are off), and the reason stays in the console.
      expect(mails[0].body_text).not.toContain(s.client.name);
      expect(mails[0].body_text).not.toContain('Gaat slechter');
      expect(mails[0].body_text).toContain(`https://waakvlam.example.nl/heractiveringen/${outcome.id}`);
      expect(mails[0].body_text).toContain('woensdag 14 mei 10:00');
    });

    it('passes over a primary caseworker absent today to the backup; an absence later does not count', async () => {
      const s = await createReactivationScenario(db);
      await createAbsence(db, s.organisation.id, s.caseworker.id, '2031-05-10', '2031-05-12');
      await setUserLocale(db, s.backup.id, 'en');
      await open(s);
      const [row] = await requestsOf(db, s.watchId);
      expect(row.assignee_id).toBe(s.backup.id);
      const [mail] = await mailsOf(db, s.organisation.id);
      expect(mail.recipient).toBe(s.backup.email);
      expect(mail.subject).toBe(`Reactivation for ${s.client.reference} (normal)`);

      const later = await createReactivationScenario(db);
      await createAbsence(db, later.organisation.id, later.caseworker.id, '2031-05-13', '2031-05-20');
      await open(later);
      expect((await requestsOf(db, later.watchId))[0].assignee_id).toBe(later.caseworker.id);
    });

    it('puts it in the pool when primary and backup are inactive or absent, and e-mails the coordinators', async () => {
      const s = await createReactivationScenario(db);
      await setUserActive(db, s.caseworker.id, false);
      await createAbsence(db, s.organisation.id, s.backup.id, '2031-05-12', '2031-05-12');
      await open(s);
      const [row] = await requestsOf(db, s.watchId);
      expect(row.assignee_id).toBeNull();
      const mails = await mailsOf(db, s.organisation.id);
      expect(mails.map((m) => m.recipient)).toEqual([s.coordinator.email]);
      expect(mails[0].subject).toBe(`Heractivering zonder begeleider: ${s.client.reference} (normaal)`);

      const alone = await createReactivationScenario(db, { withBackup: false });
      await setUserActive(db, alone.caseworker.id, false);
      await open(alone);
      expect((await requestsOf(db, alone.watchId))[0].assignee_id).toBeNull();
    });

    it('passes over a primary caseworker at capacity to the backup; open requests count, closed ones do not', async () => {
      const s = await createReactivationScenario(db);
      await setCapacity(db, s.caseworker.id, 1);
      // One open request of the primary's already: they are at capacity.
      const busy = await addWatch(db, s);
      await open(s, { watchId: busy });
      expect((await requestsOf(db, busy))[0].assignee_id).toBe(s.caseworker.id);

      await open(s);
      expect((await requestsOf(db, s.watchId))[0].assignee_id).toBe(s.backup.id);
      expect((await mailsOf(db, s.organisation.id)).map((m) => m.recipient)).toEqual([
        s.caseworker.email,
        s.backup.email,
      ]);

      // A cancelled (or resolved) request frees its place.
      await transitions.apply(
        actor(s, 'coordinator'),
        (await requestsOf(db, busy))[0].id,
        { action: 'cancel', reason: 'Dubbel' },
        MONDAY_10,
      );
      const next = await addWatch(db, s);
      await open(s, { watchId: next });
      expect((await requestsOf(db, next))[0].assignee_id).toBe(s.caseworker.id);
    });

    it('puts it in the pool when primary and backup are both at capacity (0 takes none)', async () => {
      const s = await createReactivationScenario(db);
      await setCapacity(db, s.caseworker.id, 0);
      await setCapacity(db, s.backup.id, 2);
      const first = await addWatch(db, s);
      const second = await addWatch(db, s);
      await open(s, { watchId: first });
      await open(s, { watchId: second });
      expect((await requestsOf(db, first))[0].assignee_id).toBe(s.backup.id);
      expect((await requestsOf(db, second))[0].assignee_id).toBe(s.backup.id);

      await open(s);
      const [row] = await requestsOf(db, s.watchId);
      expect(row.assignee_id).toBeNull();
      expect((await mailsOf(db, s.organisation.id)).at(-1)?.recipient).toBe(s.coordinator.email);

      // No limit again: the primary takes the next one.
      await setCapacity(db, s.caseworker.id, null);
      const third = await addWatch(db, s);
      await open(s, { watchId: third });
      expect((await requestsOf(db, third))[0].assignee_id).toBe(s.caseworker.id);
    });

    it('counts within one batch, and a merge into the open request takes no new place', async () => {
      const s = await createReactivationScenario(db);
      await setCapacity(db, s.caseworker.id, 2);
      await setCapacity(db, s.backup.id, 1);
      await open(s);
      // A second report on the same watch joins the primary's request: still one place taken.
      expect((await open(s, { source: 'coordinator', actorId: s.coordinator.id })).merged).toBe(true);
      const watches = [await addWatch(db, s), await addWatch(db, s), await addWatch(db, s)];
      // One set-based call (as the lapse scan makes): one place left with the primary, one with the backup.
      const outcomes = await inTx((tx) =>
        requests.requestMany(
          tx,
          watches.map((watchId) => input(s, { watchId, source: 'lapse', actorId: null })),
          MONDAY_10,
        ),
      );
      expect(outcomes.every((o) => typeof o !== 'string' && !o.merged)).toBe(true);
      const assignees = await Promise.all(watches.map(async (w) => (await requestsOf(db, w))[0].assignee_id));
      expect([...assignees].sort()).toEqual([s.caseworker.id, s.backup.id, null].sort());
      expect(assignees.filter((a) => a === s.caseworker.id)).toHaveLength(1);
    });

    it('never gives a caseworker more than their capacity under concurrency', async () => {
      const s = await createReactivationScenario(db, { withBackup: false });
      await setCapacity(db, s.caseworker.id, 2);
      const watches = await Promise.all(Array.from({ length: 6 }, () => addWatch(db, s)));
      await Promise.all(watches.map((watchId) => open(s, { watchId })));
      const assignees = await Promise.all(watches.map(async (w) => (await requestsOf(db, w))[0].assignee_id));
      expect(assignees.filter((a) => a === s.caseworker.id)).toHaveLength(2);
      // addWatch gives every watch the scenario's backup; the rest went to them (no limit).
      expect(assignees.filter((a) => a === s.backup.id)).toHaveLength(4);
    });

    it('refuses a watch of another organisation (404) and an ended watch (409), and opens nothing', async () => {
      const s = await createReactivationScenario(db);
      const other = await createReactivationScenario(db);
      await expect(open(s, { watchId: other.watchId })).rejects.toMatchObject({ status: 404 });
      const ended = await createReactivationScenario(db, { status: 'ended' });
      await expect(open(ended)).rejects.toMatchObject({ status: 409 });
      expect(await requestsOf(db, other.watchId)).toEqual([]);
      expect(await requestsOf(db, ended.watchId)).toEqual([]);
    });
  });

  describe('merging', () => {
    it('merges a second request into the open one: source and reason added, urgency and deadline raised', async () => {
      const s = await createReactivationScenario(db);
      const first = await open(s);
      const before = await slaTimersOf(db, first.id);
      expect(before.map((t) => [t.kind, t.state, t.fire_at.toISOString()])).toEqual([
        ['reactivation_sla_breach', 'pending', at('2031-05-14', '10:00').toISOString()],
        ['reactivation_sla_half', 'pending', at('2031-05-13', '10:00').toISOString()],
      ]);
      const second = await open(
        s,
        { source: 'partner_signal', urgency: 'urgent', reason: 'Huurachterstand', actorId: null },
        at('2031-05-12', '11:00'),
      );
      expect(second).toMatchObject({ id: first.id, merged: true });
      const rows = await requestsOf(db, s.watchId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ urgency: 'urgent', sources: ['caseworker', 'partner_signal'] });
      // Urgent: 4 working hours from 11:00.
      expect(rows[0].sla_due_at).toEqual(at('2031-05-12', '15:00'));
      expect(await reasonsOf(db, first.id)).toEqual([
        {
          source: 'caseworker',
          urgency: 'normal',
          reason: 'Gaat slechter, wil weer hulp',
          actor_id: s.caseworker.id,
        },
        { source: 'partner_signal', urgency: 'urgent', reason: 'Huurachterstand', actor_id: null },
      ]);
      const live = (await slaTimersOf(db, first.id)).filter((t) => t.state === 'pending');
      expect(live.map((t) => [t.kind, t.fire_at.toISOString()])).toEqual([
        ['reactivation_sla_breach', at('2031-05-12', '15:00').toISOString()],
        ['reactivation_sla_half', at('2031-05-12', '13:00').toISOString()],
      ]);
      // The assignee hears of the new report.
      const mails = await mailsOf(db, s.organisation.id);
      expect(mails.map((m) => m.subject)).toEqual([
        `Heractivering voor ${s.client.reference} (normaal)`,
        `Nieuwe melding bij heractivering: ${s.client.reference} (spoed)`,
      ]);

      // The same source again is not listed twice; a normal one lowers nothing.
      await open(s, { reason: 'Nog een zorg' }, at('2031-05-12', '11:30'));
      const [after] = await requestsOf(db, s.watchId);
      expect(after).toMatchObject({ urgency: 'urgent', sources: ['caseworker', 'partner_signal'] });
      expect(await reasonsOf(db, first.id)).toHaveLength(3);
    });

    it('never duplicates under concurrency: simultaneous requests for one watch make one request', async () => {
      const s = await createReactivationScenario(db);
      const outcomes = await Promise.all(
        (['caseworker', 'coordinator', 'partner_signal', 'client'] as const).map((source) =>
          open(s, { source, actorId: null }),
        ),
      );
      expect(new Set(outcomes.map((o) => o.id)).size).toBe(1);
      expect(outcomes.filter((o) => !o.merged)).toHaveLength(1);
      const rows = await requestsOf(db, s.watchId);
      expect(rows).toHaveLength(1);
      expect([...rows[0].sources].sort()).toEqual(['caseworker', 'client', 'coordinator', 'partner_signal']);
      expect(await reasonsOf(db, rows[0].id)).toHaveLength(4);
    });

    it('opens a new request once the earlier one is resolved or cancelled', async () => {
      const s = await createReactivationScenario(db);
      const first = await open(s);
      await transitions.apply(
        actor(s, 'coordinator'),
        first.id,
        { action: 'cancel', reason: 'Dubbel' },
        MONDAY_10,
      );
      const second = await open(s, {}, at('2031-05-12', '11:00'));
      expect(second.merged).toBe(false);
      expect(second.id).not.toBe(first.id);
      expect((await requestsOf(db, s.watchId)).map((r) => r.status)).toEqual(['cancelled', 'open']);
    });
  });

  describe('lifecycle', () => {
    it('accept reactivates the watch; contacted stops the SLA; back_to_watch steps down with a fresh plan', async () => {
      const s = await createReactivationScenario(db, { status: 'lapsed', missedInRow: 3 });
      const planned = await createCheckIn(db, s.organisation.id, s.watchId, s.caseworker.id, {
        dueDate: '2031-05-20',
      });
      const { id } = await open(s, { source: 'lapse', actorId: null });

      const accepted = await transitions.apply(
        actor(s, 'caseworker'),
        id,
        { action: 'accept' },
        at('2031-05-12', '10:30'),
      );
      expect(accepted).toMatchObject({
        status: 'accepted',
        acceptedAt: at('2031-05-12', '10:30').toISOString(),
      });
      let watch = await watchState(db, s.watchId);
      expect(watch.status).toBe('reactivated');
      expect(watch.planned).toEqual([]);
      expect((await db.query(`SELECT status FROM check_ins WHERE id = $1`, [planned.id]))[0].status).toBe(
        'cancelled',
      );
      expect(await eventTypes(db, s.watchId)).toEqual(['reactivated']);

      // Accepting twice, or resolving before the first contact, is a conflict that changes nothing.
      await expect(
        transitions.apply(actor(s, 'caseworker'), id, { action: 'accept' }, MONDAY_10),
      ).rejects.toMatchObject({ status: 409 });
      await expect(
        transitions.apply(actor(s, 'caseworker'), id, { action: 'resolve', resolution: 'closed' }, MONDAY_10),
      ).rejects.toMatchObject({ status: 409 });

      const contacted = await transitions.apply(
        actor(s, 'caseworker'),
        id,
        { action: 'contacted' },
        at('2031-05-12', '13:00'),
      );
      expect(contacted).toMatchObject({ status: 'contacted', slaBreached: false });
      expect((await slaTimersOf(db, id)).map((t) => t.state)).toEqual(['cancelled', 'cancelled']);

      const resolved = await transitions.apply(
        actor(s, 'caseworker'),
        id,
        { action: 'resolve', resolution: 'back_to_watch', note: 'Gaat weer goed' },
        at('2031-06-02', '10:00'),
      );
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolution: 'back_to_watch',
        resolutionNote: 'Gaat weer goed',
      });
      watch = await watchState(db, s.watchId);
      expect(watch.status).toBe('active');
      expect(watch.missed_in_row).toBe(0);
      // A fresh plan from the day of the step-down: 2 June + 14 days = Monday 16 June 2031.
      expect(watch.planned.map((p) => p.due_date)).toEqual([amsterdam.nextDueDate('2031-06-02', 14)]);
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM timers WHERE subject_id = $1 AND state = 'pending'`,
        [watch.planned[0].id],
      );
      expect(count).toBe(1);
      expect(await eventTypes(db, s.watchId)).toEqual(['reactivated', 'stepped_down']);
      await expect(
        transitions.apply(actor(s, 'coordinator'), id, { action: 'cancel', reason: 'Te laat' }, MONDAY_10),
      ).rejects.toMatchObject({ status: 409 });
    });

    it('lets only the assignee or a coordinator act; a coordinator accepting from the pool takes the request', async () => {
      const s = await createReactivationScenario(db);
      const { id } = await open(s);
      // The backup is on the watch and sees the request, but it is not theirs.
      await expect(
        transitions.apply(actor(s, 'backup'), id, { action: 'accept' }, MONDAY_10),
      ).rejects.toMatchObject({
        status: 403,
      });
      const pool = await createReactivationScenario(db);
      await setUserActive(db, pool.caseworker.id, false);
      await createAbsence(db, pool.organisation.id, pool.backup.id, '2031-05-01', '2031-05-31');
      const pooled = await open(pool);
      const taken = await transitions.apply(
        actor(pool, 'coordinator'),
        pooled.id,
        { action: 'accept' },
        MONDAY_10,
      );
      expect(taken?.assignee?.id).toBe(pool.coordinator.id);
      // Another organisation's request does not exist for this actor.
      expect(
        await transitions.apply(actor(s, 'coordinator'), pooled.id, { action: 'cancel', reason: 'x' }),
      ).toBeNull();
    });

    it('keeps a watch reactivated after support_resumed and refuses to accept on an ended watch', async () => {
      const s = await createReactivationScenario(db);
      const { id } = await open(s);
      await transitions.apply(actor(s, 'caseworker'), id, { action: 'accept' }, MONDAY_10);
      await transitions.apply(actor(s, 'caseworker'), id, { action: 'contacted' }, MONDAY_10);
      await transitions.apply(
        actor(s, 'caseworker'),
        id,
        { action: 'resolve', resolution: 'support_resumed' },
        MONDAY_10,
      );
      expect((await watchState(db, s.watchId)).status).toBe('reactivated');

      const ending = await createReactivationScenario(db);
      const request = await open(ending);
      await db.query(
        `UPDATE watches SET status = 'ended', ended_at = now(), end_reason = 'moved_away' WHERE id = $1`,
        [ending.watchId],
      );
      await expect(
        transitions.apply(actor(ending, 'caseworker'), request.id, { action: 'accept' }, MONDAY_10),
      ).rejects.toMatchObject({ status: 409 });
      expect((await requestsOf(db, ending.watchId))[0].status).toBe('open');
    });
  });

  describe('sources', () => {
    it('the lapse scan opens a request for each watch it lapses, in its transaction, once', async () => {
      const s = await createReactivationScenario(db, { missedInRow: 2, lapseThreshold: 2 });
      const healthy = await createReactivationScenario(db, { missedInRow: 1, lapseThreshold: 2 });
      const scan = app.get(WatchLapseScanService);
      // (Other suites' scans may lapse it first: the outcome, not who did it, is what counts.)
      await Promise.all([scan.run(MONDAY_10), scan.run(MONDAY_10)]);
      await scan.run(MONDAY_10);
      expect((await watchState(db, s.watchId)).status).toBe('lapsed');
      expect(await eventTypes(db, s.watchId)).toEqual(['lapsed']);
      const rows = await requestsOf(db, s.watchId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        status: 'open',
        sources: ['lapse'],
        created_by: null,
        assignee_id: s.caseworker.id,
      });
      expect((await reasonsOf(db, rows[0].id))[0].reason).toContain('2 contactmomenten');
      expect(await requestsOf(db, healthy.watchId)).toEqual([]);
      expect(await recipients(s.organisation.id)).toContain(s.caseworker.email);
    });

    it('the client\'s "Ik wil graag contact" opens an urgent request whose e-mail is the alert', async () => {
      const fixture = await createSelfCheckIn(db);
      const selfCheckIn = new SelfCheckInService(
        db,
        app.get(CheckInTokensService),
        app.get(CheckInCompletionService),
        app.get(CheckInRemindersService),
        app.get(NotificationsService),
        requests,
      );
      // The link is valid from now: this test runs on the real clock.
      expect(await selfCheckIn.respond(fixture.token, 'needs_support')).toBe(true);
      const rows = await requestsOf(db, fixture.watchId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ urgency: 'urgent', sources: ['client'], created_by: null });
      const mails = await mailsOf(db, fixture.organisationId);
      expect(mails.map((m) => m.recipient)).toEqual([fixture.caseworker.email]);
      expect(mails[0].subject).toContain('(spoed)');
      // On the urgent queue, not the mail queue.
      const queues = app.get(QueueService);
      expect(await queues.queue(QueueName.Urgent).getJob(`urgent-${mails[0].id}`)).toBeDefined();
      expect(await queues.queue(QueueName.Mail).getJob(`${mails[0].id}-1`)).toBeUndefined();
    });

    it('a caseworker recording needs_support opens a request from the caseworker', async () => {
      const s = await createReactivationScenario(db);
      const checkIn = await createCheckIn(db, s.organisation.id, s.watchId, s.caseworker.id, {
        dueDate: '2031-05-12',
      });
      await app
        .get(CheckInCompletionService)
        .complete(
          TenantScope.fromSession({ organisationId: s.organisation.id }),
          { userId: s.caseworker.id, isCaseworker: true },
          checkIn.id,
          { outcome: 'needs_support', channel: 'phone', note: 'Slaapt slecht, schulden' },
          MONDAY_10,
        );
      const [row] = await requestsOf(db, s.watchId);
      expect(row).toMatchObject({ urgency: 'normal', sources: ['caseworker'], created_by: s.caseworker.id });
      expect((await reasonsOf(db, row.id))[0].reason).toBe('Slaapt slecht, schulden');
    });
  });

  describe('SLA timers (fixed clock) and processors', () => {
    const fire = async (processor: 'half' | 'breach', timerIds: string[]) => {
      const p =
        processor === 'half'
          ? app.get(ReactivationSlaHalfProcessor)
          : app.get(ReactivationSlaBreachProcessor);
      await p.process({ timerIds });
    };

    it('reminds the assignee at half time and escalates to the coordinators at the breach, each once', async () => {
      const s = await createReactivationScenario(db);
      await setSlaSettings(db, s.organisation.id, { urgentHours: 2, start: '08:30', end: '16:30' });
      const { id } = await open(s, { urgency: 'urgent' }, at('2031-05-12', '16:00'));
      const timers = await slaTimersOf(db, id);
      // 2 working hours from Monday 16:00 (day 08:30–16:30): half an hour on Monday, the rest on Tuesday.
      expect(timers.map((t) => [t.kind, t.fire_at.toISOString()])).toEqual([
        ['reactivation_sla_breach', at('2031-05-13', '10:00').toISOString()],
        ['reactivation_sla_half', at('2031-05-13', '09:00').toISOString()],
      ]);
      const half = timers.find((t) => t.kind === 'reactivation_sla_half')?.id as string;
      const breach = timers.find((t) => t.kind === 'reactivation_sla_breach')?.id as string;
      const before = (await mailsOf(db, s.organisation.id)).length;

      await fire('half', [half]);
      await fire('half', [half]);
      let mails = (await mailsOf(db, s.organisation.id)).slice(before);
      expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
        [s.caseworker.email, `Herinnering: contact met ${s.client.reference} voor dinsdag 13 mei 10:00`],
      ]);

      await fire('breach', [breach]);
      await fire('breach', [breach]);
      mails = (await mailsOf(db, s.organisation.id)).slice(before);
      expect(mails.map((m) => m.recipient)).toEqual([s.caseworker.email, s.coordinator.email]);
      expect(mails[1].subject).toBe(`Termijn verlopen: heractivering ${s.client.reference}`);
      expect((await slaTimersOf(db, id)).map((t) => t.state)).toEqual(['done', 'done']);
    });

    it('does nothing for a request contacted or cancelled meanwhile', async () => {
      const s = await createReactivationScenario(db);
      const { id } = await open(s);
      const [breach, half] = await slaTimersOf(db, id);
      // The job was already on its way when the request was cancelled.
      await db.query(
        `UPDATE timers SET state = 'claimed', lease_until = now() + interval '5 minutes' WHERE subject_id = $1`,
        [id],
      );
      await db.query(
        `UPDATE reactivation_requests SET status = 'cancelled', cancelled_at = now() WHERE id = $1`,
        [id],
      );
      const before = (await mailsOf(db, s.organisation.id)).length;
      await fire('half', [half.id]);
      await fire('breach', [breach.id]);
      expect(await mailsOf(db, s.organisation.id)).toHaveLength(before);
      expect((await slaTimersOf(db, id)).map((t) => t.state)).toEqual(['done', 'done']);
    });

    it('sends the assignee e-mail from the urgent queue over real SMTP once, however often the job runs', async () => {
      const s = await createReactivationScenario(db);
      const { notificationIds } = await open(s);
      expect(notificationIds).toHaveLength(1);
      const [id] = notificationIds;
      const processor = app.get(ReactivationNotifyProcessor);
      await processor.process({ notificationId: id }, { jobId: `urgent-${id}`, attempt: 1 });
      await processor.process({ notificationId: id }, { jobId: `urgent-${id}`, attempt: 1 });
      const received = sink.received.filter((r) => r.messageId === `<${id}@waakvlam>`);
      expect(received.map((r) => r.to)).toEqual([s.caseworker.email]);
      const [row] = await db.query(`SELECT status FROM notifications WHERE id = $1`, [id]);
      expect(row.status).toBe('sent');
    });
  });
});
