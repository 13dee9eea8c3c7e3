import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkingCalendar } from '@waakvlam/schedule';
import { simpleParser } from 'mailparser';
import { DataSource, type EntityManager } from 'typeorm';
import { ConfigModule } from '../../api/src/core/config/config.module';
import { DatabaseModule } from '../../api/src/core/database/database.module';
import { MailModule } from '../../api/src/core/mail/mail.module';
import { QueueModule } from '../../api/src/core/queue/queue.module';
import { NotificationSendProcessor } from '../../api/src/modules/notifications/notification-send.processor';
import { NotificationsModule } from '../../api/src/modules/notifications/notifications.module';
import { CaseworkerDigestProcessor } from '../../api/src/modules/reminders/caseworker-digest.processor';
import { CheckInRemindersService } from '../../api/src/modules/reminders/check-in-reminders.service';
import { DigestSchedulerService } from '../../api/src/modules/reminders/digest-scheduler.service';
import { nextDigestAt } from '../../api/src/modules/reminders/digest-time.util';
import { RemindersModule } from '../../api/src/modules/reminders/reminders.module';
import { SchedulingModule } from '../../api/src/modules/scheduling/scheduling.module';
import {
  type TestOrganisation,
  type TestUser,
  createCheckIn,
  createClient,
  createTeam,
  createUser,
  createWatch,
} from '../support/factories';
import {
  createDigestTimer,
  lapseWatch,
  liveDigestTimers,
  setCheckInStatus,
  setClientEmail,
  setMailSettings,
  setUserActive,
  setUserLocale,
} from '../support/reminder-factories';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const PUBLIC_URL = 'https://waakvlam.example.nl';

interface Mail {
  to: string;
  fromName: string;
  fromAddress: string;
  subject: string;
  text: string;
}

/**
 * The reminder e-mails end to end: written to the outbox by CheckInRemindersService and the digest processor,
 * sent by the real send processor over real SMTP, read back from the sink. The app has its own queue prefix and
 * no queue workers, so the test sends each message itself and no other suite's worker takes its jobs.
 */
describe('reminder e-mails over real SMTP', () => {
  let sink: SmtpSink;
  let app: INestApplicationContext;
  let db: DataSource;
  let reminders: CheckInRemindersService;
  const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

  beforeAll(async () => {
    sink = await startSmtpSink();
    const config = testConfig({
      WAAKVLAM_ROLES: 'worker',
      SMTP_URL: sink.url,
      PUBLIC_URL,
      MAIL_FROM: 'Waakvlam <noreply@waakvlam.example.nl>',
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-rem`,
    });
    app = await NestFactory.createApplicationContext(
      {
        module: class RemindersTestModule {},
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule,
          QueueModule,
          MailModule,
          NotificationsModule,
          SchedulingModule,
          RemindersModule,
        ],
      },
      { logger: false },
    );
    await app.init();
    db = app.get(DataSource);
    reminders = app.get(CheckInRemindersService);
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const inTx = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);

  /** Sends the messages with the real send processor and returns what the SMTP sink received for them. */
  async function deliver(ids: readonly string[]): Promise<Mail[]> {
    const mails: Mail[] = [];
    for (const id of ids) {
      await app
        .get(NotificationSendProcessor)
        .process({ notificationId: id }, { jobId: `${id}-t`, attempt: 1 });
      const raw = sink.received.find((r) => r.messageId === `<${id}@waakvlam>`);
      if (!raw) throw new Error(`Notification ${id} was not received`);
      const parsed = await simpleParser(raw.raw);
      mails.push({
        to: raw.to,
        fromName: parsed.from?.value[0]?.name ?? '',
        fromAddress: parsed.from?.value[0]?.address ?? '',
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
      });
    }
    return mails;
  }

  const received = (to: string): number => sink.received.filter((r) => r.to === to).length;

  interface Scenario {
    organisation: TestOrganisation;
    admin: TestUser;
    coordinator: TestUser;
    caseworker: TestUser;
    backup: TestUser;
    englishCoordinator: TestUser;
  }

  /** An organisation with a Dutch and an English coordinator, a Dutch caseworker and an English backup. */
  async function scenario(): Promise<Scenario> {
    const team = await createTeam(db);
    const backup = await createUser(db, team.organisation.id, { role: 'caseworker' });
    const englishCoordinator = await createUser(db, team.organisation.id, { role: 'coordinator' });
    await setUserLocale(db, backup.id, 'en');
    await setUserLocale(db, englishCoordinator.id, 'en');
    return { ...team, backup, englishCoordinator };
  }

  let clients = 0;
  /** A client (with a recognisable name) with an active watch and one planned check-in. */
  async function checkIn(
    s: Scenario,
    options: { dueDate?: string; graceEndsOn?: string; email?: string | null; caseworker?: TestUser } = {},
  ) {
    clients += 1;
    const caseworker = options.caseworker ?? s.caseworker;
    const client = await createClient(db, s.organisation.id, s.coordinator.id, {
      name: `Geheime Naam ${clients} ${Date.now()}`,
    });
    if (options.email !== null) {
      await setClientEmail(db, client.id, options.email ?? `inwoner-${clients}-${Date.now()}@example.nl`);
    }
    const watch = await createWatch(db, s.organisation.id, client.id, caseworker.id, {
      backupCaseworkerId: caseworker.id === s.backup.id ? null : s.backup.id,
    });
    const dueDate = options.dueDate ?? '2031-05-12';
    const row = await createCheckIn(db, s.organisation.id, watch.id, caseworker.id, {
      dueDate,
      graceEndsOn: options.graceEndsOn ?? '2031-05-15',
    });
    const [{ email }]: Array<{ email: string | null }> = await db.query(
      `SELECT email FROM clients WHERE id = $1`,
      [client.id],
    );
    return { id: row.id, watchId: watch.id, client, email };
  }

  const nameOf = (text: string, c: { client: { name: string } }): boolean => text.includes(c.client.name);

  describe('the client pre-notice', () => {
    it('goes to a consenting client in plain Dutch, without the client name or the service name, once', async () => {
      const s = await scenario();
      const c = await checkIn(s);
      const ids = await inTx((tx) => reminders.preNotice(tx, [c.id], null));
      expect(ids).toHaveLength(1);
      expect(await inTx((tx) => reminders.preNotice(tx, [c.id], null))).toEqual([]);

      const [mail] = await deliver(ids);
      expect(mail.to).toBe(c.email);
      expect(mail.subject).toBe('We nemen binnenkort contact met u op');
      expect(mail.text).toContain('rond maandag 12 mei 2031 contact met u op');
      // The caseworker by first name only; the client by nothing at all.
      expect(mail.text).toContain('Test neemt rond');
      expect(nameOf(mail.text + mail.subject, c)).toBe(false);
      expect(mail.text).not.toContain(c.client.reference);
      expect(mail.text).toContain(s.organisation.name);
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/waakvlam|zorg|begeleid/i);
      expect(mail.fromName).toBe('Waakvlam');
    });

    it('in discreet mode shows and signs with the neutral sender name', async () => {
      const s = await scenario();
      await setMailSettings(db, s.organisation.id, { discreetSenderName: 'Team Noord' });
      const c = await checkIn(s);
      const [mail] = await deliver(await inTx((tx) => reminders.preNotice(tx, [c.id], null)));
      expect(mail.fromName).toBe('Team Noord');
      expect(mail.fromAddress).toBe('noreply@waakvlam.example.nl');
      expect(mail.text).toMatch(/Met vriendelijke groet,\nTeam Noord\n/);
      expect(mail.text).not.toContain(s.organisation.name);
    });

    it('with a link secret is a self check-in whose link works 14 days', async () => {
      const s = await scenario();
      const c = await checkIn(s);
      const ids = await inTx((tx) =>
        reminders.preNotice(
          tx,
          [c.id],
          async (checkIns) => new Map(checkIns.map((ci) => [ci.check_in_id, 'geheim-token-123'])),
        ),
      );
      const [row]: Array<{ link_secret: string | null; body_text: string }> = await db.query(
        `SELECT link_secret, body_text FROM notifications WHERE id = $1`,
        [ids[0]],
      );
      expect(row.link_secret).toBe('geheim-token-123');
      expect(row.body_text).toContain('{{link}}');
      expect(row.body_text).not.toContain('geheim-token-123');

      const [mail] = await deliver(ids);
      expect(mail.subject).toBe('Hoe gaat het met u?');
      expect(mail.text).toContain(`${PUBLIC_URL}/check-in/geheim-token-123`);
      expect(mail.text).toContain('De link werkt 14 dagen.');
      expect(nameOf(mail.text, c)).toBe(false);
    });

    it('is not written without consent, without an e-mail address, or for a check-in that is not planned', async () => {
      const s = await scenario();
      const noConsent = await checkIn(s);
      await setClientEmail(db, noConsent.client.id, noConsent.email, false);
      const noEmail = await checkIn(s, { email: null });
      const done = await checkIn(s);
      await setCheckInStatus(db, done.id, 'done');
      for (const c of [noConsent, noEmail, done]) {
        expect(await inTx((tx) => reminders.preNotice(tx, [c.id], null))).toEqual([]);
      }
    });
  });

  describe('staff e-mails', () => {
    it('overdue: the caseworker, in Dutch, with the reference and a console link, never the name', async () => {
      const s = await scenario();
      const c = await checkIn(s);
      const ids = await inTx((tx) => reminders.overdue(tx, [c.id]));
      expect(ids).toHaveLength(1);
      expect(await inTx((tx) => reminders.overdue(tx, [c.id]))).toEqual([]);

      const [mail] = await deliver(ids);
      expect(mail.to).toBe(s.caseworker.email);
      expect(mail.subject).toBe(`Contactmoment te laat: ${c.client.reference}`);
      expect(mail.text).toContain('stond gepland op maandag 12 mei 2031');
      expect(mail.text).toContain('tot en met donderdag 15 mei 2031');
      expect(mail.text).toContain(`${PUBLIC_URL}/inwoners/${c.client.id}`);
      expect(nameOf(mail.subject + mail.text, c)).toBe(false);
    });

    it('overdue: names the client once the organisation turns client names on', async () => {
      const s = await scenario();
      await setMailSettings(db, s.organisation.id, { clientNamesInEmail: true });
      const c = await checkIn(s);
      const [mail] = await deliver(await inTx((tx) => reminders.overdue(tx, [c.id])));
      expect(mail.subject).toBe(`Contactmoment te laat: ${c.client.name} (${c.client.reference})`);
      expect(nameOf(mail.text, c)).toBe(true);
    });

    it('overdue: nobody when the caseworker is inactive', async () => {
      const s = await scenario();
      const c = await checkIn(s);
      await setUserActive(db, s.caseworker.id, false);
      expect(await inTx((tx) => reminders.overdue(tx, [c.id]))).toEqual([]);
    });

    it('grace ended: the backup caseworker in English, in discreet mode from the neutral sender', async () => {
      const s = await scenario();
      await setMailSettings(db, s.organisation.id, { discreetSenderName: 'Team Zuid' });
      const c = await checkIn(s);
      const ids = await inTx((tx) => reminders.graceEnded(tx, [c.id]));
      expect(await inTx((tx) => reminders.graceEnded(tx, [c.id]))).toEqual([]);
      const [mail] = await deliver(ids);
      expect(mail.to).toBe(s.backup.email);
      expect(mail.fromName).toBe('Team Zuid');
      expect(mail.subject).toBe(`Last day for contact with ${c.client.reference}`);
      expect(mail.text).toContain('The check-in of Monday 12 May 2031 has not been recorded yet.');
      expect(mail.text).toMatch(/^Hello Test,/);
      expect(nameOf(mail.subject + mail.text, c)).toBe(false);
    });

    it('grace ended: nobody without an active backup caseworker', async () => {
      const s = await scenario();
      const c = await checkIn(s);
      await setUserActive(db, s.backup.id, false);
      expect(await inTx((tx) => reminders.graceEnded(tx, [c.id]))).toEqual([]);
      const noBackup = await checkIn(s);
      await db.query(`UPDATE watches SET backup_caseworker_id = NULL WHERE id = $1`, [noBackup.watchId]);
      expect(await inTx((tx) => reminders.graceEnded(tx, [noBackup.id]))).toEqual([]);
    });

    it('missed: every active coordinator, each in their own language; not admins, not inactive ones', async () => {
      const s = await scenario();
      const inactive = await createUser(db, s.organisation.id, { role: 'coordinator', active: false });
      const c = await checkIn(s);
      expect(await inTx((tx) => reminders.missed(tx, [c.id]))).toEqual([]); // still planned
      await setCheckInStatus(db, c.id, 'missed');
      const ids = await inTx((tx) => reminders.missed(tx, [c.id]));
      expect(ids).toHaveLength(2);
      expect(await inTx((tx) => reminders.missed(tx, [c.id]))).toEqual([]);

      const mails = await deliver(ids);
      const dutch = mails.find((m) => m.to === s.coordinator.email);
      const english = mails.find((m) => m.to === s.englishCoordinator.email);
      expect(dutch?.subject).toBe(`Contactmoment gemist: ${c.client.reference}`);
      expect(english?.subject).toBe(`Check-in missed: ${c.client.reference}`);
      expect(english?.text).toContain('of Monday 12 May 2031 was missed');
      for (const mail of mails) expect(nameOf(mail.subject + mail.text, c)).toBe(false);
      expect(received(s.admin.email)).toBe(0);
      expect(received(inactive.email)).toBe(0);
    });

    it('client responded: concern to the caseworker; needs support is urgent', async () => {
      const s = await scenario();
      const concern = await checkIn(s);
      const urgent = await checkIn(s);
      await setCheckInStatus(db, concern.id, 'done');
      await setCheckInStatus(db, urgent.id, 'done');
      const [concernMail] = await deliver(
        await inTx((tx) => reminders.clientResponded(tx, concern.id, 'concern')),
      );
      const urgentIds = await inTx((tx) => reminders.clientResponded(tx, urgent.id, 'needs_support'));
      expect(await inTx((tx) => reminders.clientResponded(tx, urgent.id, 'needs_support'))).toEqual([]);
      const [urgentMail] = await deliver(urgentIds);

      expect(concernMail.to).toBe(s.caseworker.email);
      expect(concernMail.subject).toBe(`Het gaat minder goed met ${concern.client.reference}`);
      expect(urgentMail.to).toBe(s.caseworker.email);
      expect(urgentMail.subject).toBe(`Dringend: ${urgent.client.reference} wil graag contact`);
      expect(urgentMail.text).toContain(`${PUBLIC_URL}/inwoners/${urgent.client.id}`);
      expect(nameOf(urgentMail.subject + urgentMail.text, urgent)).toBe(false);
    });

    it('lapsed: the primary caseworker and the coordinators, once per lapse', async () => {
      const s = await scenario();
      await setMailSettings(db, s.organisation.id, { clientNamesInEmail: true });
      const a = await checkIn(s);
      const b = await checkIn(s);
      await lapseWatch(db, s.organisation.id, a.watchId);
      await lapseWatch(db, s.organisation.id, b.watchId);
      const ids = await inTx((tx) => reminders.lapsed(tx, [a.watchId, b.watchId]));
      expect(ids).toHaveLength(6); // 2 watches × (caseworker + 2 coordinators)
      expect(await inTx((tx) => reminders.lapsed(tx, [a.watchId]))).toEqual([]);

      const mails = await deliver(ids);
      expect(mails.map((m) => m.to).sort()).toEqual(
        [s.caseworker, s.coordinator, s.englishCoordinator, s.caseworker, s.coordinator, s.englishCoordinator]
          .map((u) => u.email)
          .sort(),
      );
      const english = mails.find((m) => m.to === s.englishCoordinator.email && nameOf(m.subject, a));
      expect(english?.subject).toBe(`Contact lost: ${a.client.name} (${a.client.reference})`);

      // The same watch lapses again later: new e-mails.
      await lapseWatch(db, s.organisation.id, a.watchId);
      expect(await inTx((tx) => reminders.lapsed(tx, [a.watchId]))).toHaveLength(3);
    });
  });

  describe('the caseworker digest', () => {
    const digestSubject = 'Je contactmomenten voor vandaag';

    it('run twice: one e-mail with the counts of that day, and one next timer', async () => {
      const s = await scenario();
      // The digest of a working day two working days ahead: far enough that no planner claims it meanwhile.
      const day = amsterdam.addWorkingDays(amsterdam.today(new Date()), 2);
      const fireAt = amsterdam.instantAt(day, '07:30');
      const before = amsterdam.addWorkingDays(day, -1);
      const after = amsterdam.addWorkingDays(day, 1);
      await checkIn(s, { dueDate: day, graceEndsOn: after });
      await checkIn(s, { dueDate: day, graceEndsOn: after });
      await checkIn(s, { dueDate: before, graceEndsOn: after });
      await checkIn(s, { dueDate: after, graceEndsOn: after }); // not yet due
      const done = await checkIn(s, { dueDate: day, graceEndsOn: after });
      await setCheckInStatus(db, done.id, 'done');
      await checkIn(s, { dueDate: day, graceEndsOn: after, caseworker: s.backup }); // someone else's

      const timer = await createDigestTimer(db, s.organisation.id, s.caseworker.id, fireAt);
      const processor = app.get(CaseworkerDigestProcessor);
      await processor.process({ timerIds: [timer.id] });
      await processor.process({ timerIds: [timer.id] });

      const [notification]: Array<{ id: string }> = await db.query(
        `SELECT id FROM notifications WHERE idempotency_key = $1`,
        [`caseworker-digest-${s.caseworker.id}-${day}`],
      );
      const [mail] = await deliver([notification.id]);
      expect(mail.to).toBe(s.caseworker.email);
      expect(mail.subject).toBe(digestSubject);
      expect(mail.text).toContain('Vandaag gepland: 2\n');
      expect(mail.text).toContain('Te laat: 1\n');
      expect(mail.text).toContain(`${PUBLIC_URL}/vandaag`);
      expect(received(s.caseworker.email)).toBe(1);

      const [{ count }]: Array<{ count: number }> = await db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE recipient = $1`,
        [s.caseworker.email],
      );
      expect(count).toBe(1);
      const timers = await liveDigestTimers(db, s.caseworker.id);
      expect(timers.map((t) => t.fire_at)).toEqual([amsterdam.instantAt(after, '07:30')]);
      const [{ state }]: Array<{ state: string }> = await db.query(`SELECT state FROM timers WHERE id = $1`, [
        timer.id,
      ]);
      expect(state).toBe('done');
    });

    it('in English for an English caseworker; nothing due: no e-mail, but the next timer', async () => {
      const s = await scenario();
      const day = amsterdam.addWorkingDays(amsterdam.today(new Date()), 3);
      const after = amsterdam.addWorkingDays(day, 1);
      await checkIn(s, { dueDate: day, graceEndsOn: after, caseworker: s.backup });
      await checkIn(s, { dueDate: after, graceEndsOn: after }); // the Dutch caseworker: nothing due that day

      const processor = app.get(CaseworkerDigestProcessor);
      const english = await createDigestTimer(
        db,
        s.organisation.id,
        s.backup.id,
        amsterdam.instantAt(day, '07:30'),
      );
      const dutch = await createDigestTimer(
        db,
        s.organisation.id,
        s.caseworker.id,
        amsterdam.instantAt(day, '07:30'),
      );
      await processor.process({ timerIds: [english.id] });
      await processor.process({ timerIds: [dutch.id] });

      const rows: Array<{ id: string; recipient: string }> = await db.query(
        `SELECT id, recipient FROM notifications WHERE recipient = ANY($1::text[])`,
        [[s.backup.email, s.caseworker.email]],
      );
      expect(rows.map((r) => r.recipient)).toEqual([s.backup.email]);
      const [mail] = await deliver(rows.map((r) => r.id));
      expect(mail.subject).toBe('Your check-ins for today');
      expect(mail.text).toContain('Planned for today: 1\n');
      expect(mail.text).toContain('Overdue: 0\n');

      for (const user of [s.backup, s.caseworker]) {
        expect((await liveDigestTimers(db, user.id)).map((t) => t.fire_at)).toEqual([
          amsterdam.instantAt(after, '07:30'),
        ]);
      }
    });

    it('stops for a caseworker who became inactive or has no open watches', async () => {
      const s = await scenario();
      const day = amsterdam.addWorkingDays(amsterdam.today(new Date()), 2);
      await checkIn(s, { dueDate: day, graceEndsOn: day });
      await setUserActive(db, s.caseworker.id, false);
      const lonely = await createUser(db, s.organisation.id, { role: 'caseworker' });
      const processor = app.get(CaseworkerDigestProcessor);
      for (const user of [s.caseworker, lonely]) {
        const timer = await createDigestTimer(
          db,
          s.organisation.id,
          user.id,
          amsterdam.instantAt(day, '07:30'),
        );
        await processor.process({ timerIds: [timer.id] });
        expect(await liveDigestTimers(db, user.id)).toEqual([]);
      }
      const [{ count }]: Array<{ count: number }> = await db.query(
        `SELECT count(*)::int AS count FROM notifications WHERE recipient = $1`,
        [s.caseworker.email],
      );
      expect(count).toBe(0);
    });

    it('ensure: one timer per active caseworker at the next 07:30, safe to repeat', async () => {
      const s = await scenario();
      const inactive = await createUser(db, s.organisation.id, { role: 'caseworker', active: false });
      const scheduler = app.get(DigestSchedulerService);
      // A few days ahead, so that no planner of another suite claims the timers meanwhile.
      const now = new Date(Date.now() + 3 * 86_400_000);
      const ids = [s.caseworker.id, s.backup.id, s.coordinator.id, inactive.id];
      await inTx((tx) => scheduler.ensure(tx, s.organisation.id, ids, now));
      await inTx((tx) => scheduler.ensure(tx, s.organisation.id, ids, new Date(now.getTime() + 60_000)));

      const expected = nextDigestAt(amsterdam, now);
      expect((await liveDigestTimers(db, s.caseworker.id)).map((t) => t.fire_at)).toEqual([expected]);
      expect((await liveDigestTimers(db, s.backup.id)).map((t) => t.fire_at)).toEqual([expected]);
      expect(await liveDigestTimers(db, s.coordinator.id)).toEqual([]);
      expect(await liveDigestTimers(db, inactive.id)).toEqual([]);
    });
  });
});
