import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { PartnerSignal, Signal } from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { PartnerApiKeysService } from '../../api/src/modules/partner-keys/partner-api-keys.service';
import { ClientPartnerReferencesService } from '../../api/src/modules/signals/client-partner-references.service';
import type { CreateSignalDto } from '../../api/src/modules/signals/create-signal.dto';
import { PartnerSignalViews } from '../../api/src/modules/signals/partner-signal-views.service';
import { SignalFeedbackDueProcessor } from '../../api/src/modules/signals/signal-feedback-due.processor';
import { SignalIntakeService } from '../../api/src/modules/signals/signal-intake.service';
import { SignalMetricsService } from '../../api/src/modules/signals/signal-metrics.service';
import type { PartnerPrincipal } from '../../api/src/modules/signals/signal-principal.decorator';
import { feedbackDueAt } from '../../api/src/modules/signals/signal-timing.util';
import { SignalTriageService } from '../../api/src/modules/signals/signal-triage.service';
import { SignalViews } from '../../api/src/modules/signals/signal-views.service';
import { createClient, createTeam, createUser, createWatch } from '../support/factories';
import {
  type SignalScenario,
  createFeedbackDueTimer,
  createPartnerReference,
  createSignal,
  createSignalScenario,
  giveSharingConsent,
  outbox,
  setClientAddress,
  signalTimers,
  withdrawSharingConsent,
} from '../support/signal-factories';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const PUBLIC_URL = 'https://waakvlam.example.nl';
/** Monday 12 May 2031, 10:00 in Amsterdam: the fixed clock of these tests. */
const NOW = new Date('2031-05-12T08:00:00Z');
const LATER = new Date('2031-05-12T13:30:00Z');
const STANDARD_LINKED =
  'Bedankt voor uw signaal. We hebben het bekeken en gaan ermee aan de slag.\n' +
  'Om de privacy van de bewoner te beschermen, vertellen we u niet wat we precies doen.';

/** The answer's status, or 200 when it succeeds (services throw problems with an HTTP status). */
const statusOf = (work: Promise<unknown>): Promise<number> =>
  work.then(
    () => 200,
    (error: { getStatus?: () => number }) => {
      if (!error.getStatus) throw error;
      return error.getStatus();
    },
  );

/**
 * Partner signals against the real PostgreSQL, with the services driven directly and a fixed clock: intake and
 * consent gating, address matching, triage and its feedback, the feedback nudge timer, and the metrics. No queue
 * workers (api role, own queue prefix): e-mails stay in the outbox to be read.
 */
describe('partner signals', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let intake: SignalIntakeService;
  let triage: SignalTriageService;
  let views: SignalViews;
  let partnerViews: PartnerSignalViews;
  const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

  beforeAll(async () => {
    const config = testConfig({
      WAAKVLAM_ROLES: 'api',
      PUBLIC_URL,
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-sig`,
    });
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    db = app.get(DataSource);
    intake = app.get(SignalIntakeService);
    triage = app.get(SignalTriageService);
    views = app.get(SignalViews);
    partnerViews = app.get(PartnerSignalViews);
  });
  afterAll(() => app.close());

  const reporter = (
    s: SignalScenario,
    partner: 'partner' | 'otherPartner' = 'partner',
  ): PartnerPrincipal => ({
    kind: 'partner',
    organisationId: s.organisation.id,
    partnerOrganisationId: s[partner].id,
    userId: (partner === 'partner' ? s.partnerUser : s.otherPartnerUser).id,
    keyId: null,
  });
  const scopeOf = (s: SignalScenario): TenantScope =>
    TenantScope.fromSession({ organisationId: s.organisation.id });
  const about = (
    subject: Pick<CreateSignalDto, 'clientReference' | 'address'>,
    extra: Partial<CreateSignalDto> = {},
  ) =>
    ({
      ...subject,
      category: 'rent_arrears',
      description: 'De huur is al drie maanden niet betaald.',
      observedOn: '2031-05-09',
      ...extra,
    }) as CreateSignalDto;
  const row = async (id: string) =>
    (
      await db.query(
        `SELECT client_id, client_reference, postcode, house_number, house_number_addition, status, watch_id,
           reactivation_request_id, first_feedback_at, triage_reason FROM signals WHERE id = $1`,
        [id],
      )
    )[0] as Record<string, unknown>;
  const feedbackOf = (id: string): Promise<Array<{ status: string; text: string; created_by: string }>> =>
    db.query(
      `SELECT status, text, created_by FROM signal_feedback WHERE signal_id = $1 ORDER BY created_at`,
      [id],
    );

  describe('intake', () => {
    it('names the client by the partner reference only while the client consents, and answers alike for any reference', async () => {
      const s = await createSignalScenario(db);
      const typed = s.partnerReference.toLowerCase().replace('-', ' ');
      const known = await intake.create(reporter(s), about({ clientReference: typed }), NOW);
      expect(await row(known.id)).toMatchObject({
        client_id: s.client.id,
        client_reference: s.partnerReference,
      });

      // A client of the organisation whose consent for this partner was withdrawn after the reference was given.
      const withdrawn = await createClient(db, s.organisation.id, s.coordinator.id);
      await giveSharingConsent(db, s.organisation.id, withdrawn.id, s.partner.id);
      const withdrawnReference = await createPartnerReference(
        db,
        s.organisation.id,
        withdrawn.id,
        s.partner.id,
      );
      await withdrawSharingConsent(db, withdrawn.id, s.partner.id);
      // The reference another partner has for the client.
      await giveSharingConsent(db, s.organisation.id, s.client.id, s.otherPartner.id);
      const othersReference = await createPartnerReference(
        db,
        s.organisation.id,
        s.client.id,
        s.otherPartner.id,
      );

      const answers: PartnerSignal[] = [known];
      for (const clientReference of [withdrawnReference, othersReference, 'ZZZZ-ZZZZ', 'REF-123']) {
        const answer = await intake.create(reporter(s), about({ clientReference }), NOW);
        expect((await row(answer.id)).client_id).toBeNull();
        answers.push(answer);
      }
      expect((await row(answers[4].id)).client_reference).toBe('REF-123');

      // The partner cannot tell them apart: same fields, same values but its own input and the ids and times.
      const comparable = ({ id: _id, clientReference: _r, ...rest }: PartnerSignal) => rest;
      for (const answer of answers) {
        expect(Object.keys(answer).sort()).toEqual(Object.keys(known).sort());
        expect(comparable(answer)).toEqual(comparable(known));
      }
      expect(Object.keys(known).sort()).toEqual(
        [
          'address',
          'category',
          'clientReference',
          'description',
          'feedback',
          'id',
          'observedOn',
          'receivedAt',
          'status',
          'updatedAt',
        ].sort(),
      );
      expect(known).toMatchObject({ status: 'received', feedback: [], receivedAt: NOW.toISOString() });

      // Each waits for feedback: a nudge timer 2 working days later at 09:00, Wednesday 14 May.
      const [timer] = await signalTimers(db, known.id);
      expect(timer).toMatchObject({ kind: 'signal_feedback_due', state: 'pending' });
      expect(timer.fire_at.toISOString()).toBe('2031-05-14T07:00:00.000Z');
      expect(timer.fire_at).toEqual(feedbackDueAt(amsterdam, NOW));
    });

    it('takes an address in its stored form; coordinators see the clients there, exact matches first', async () => {
      const s = await createSignalScenario(db);
      const signal = await intake.create(
        reporter(s),
        about({ address: { postcode: '9471 zx', houseNumber: ' 12 ', houseNumberAddition: ' A' } }),
        NOW,
      );
      expect(signal.address).toEqual({ postcode: '9471ZX', houseNumber: '12', houseNumberAddition: 'a' });
      expect(signal.clientReference).toBeNull();
      expect(await row(signal.id)).toMatchObject({ client_id: null, postcode: '9471ZX', house_number: '12' });

      const exact = await createClient(db, s.organisation.id, s.coordinator.id, { name: 'A Exact' });
      await setClientAddress(db, exact.id, '9471ZX', '12 A');
      const watch = await createWatch(db, s.organisation.id, exact.id, s.caseworker.id);
      const sameNumber = await createClient(db, s.organisation.id, s.coordinator.id, {
        name: 'B Zelfde nummer',
      });
      await setClientAddress(db, sameNumber.id, '9471ZX', '12b');
      for (const [postcode, number] of [
        ['9471ZX', '13'],
        ['9471ZX', '120'],
        ['9472ZX', '12a'],
      ]) {
        const other = await createClient(db, s.organisation.id, s.coordinator.id);
        await setClientAddress(db, other.id, postcode, number);
      }
      // Another organisation's client at the same address is never a candidate.
      const elsewhere = await createTeam(db);
      const foreign = await createClient(db, elsewhere.organisation.id, elsewhere.coordinator.id);
      await setClientAddress(db, foreign.id, '9471ZX', '12a');

      const candidates = await views.candidates(scopeOf(s), signal.id);
      expect(candidates).toEqual([
        {
          clientId: exact.id,
          reference: exact.reference,
          name: 'A Exact',
          postcode: '9471ZX',
          houseNumber: '12 A',
          exactMatch: true,
          openWatch: { id: watch.id, status: 'active' },
        },
        expect.objectContaining({ clientId: sameNumber.id, exactMatch: false, openWatch: null }),
      ]);
      // A signal about a client reference has no address candidates; another organisation's signal is not found.
      const byReference = await intake.create(
        reporter(s),
        about({ clientReference: s.partnerReference }),
        NOW,
      );
      expect(await views.candidates(scopeOf(s), byReference.id)).toEqual([]);
      expect(
        await views.candidates(
          TenantScope.fromSession({ organisationId: elsewhere.organisation.id }),
          signal.id,
        ),
      ).toBeNull();
    });

    it('refuses an observation in the future and a signal about both or neither', async () => {
      const s = await createSignalScenario(db);
      const ref = { clientReference: s.partnerReference };
      expect(await statusOf(intake.create(reporter(s), about(ref, { observedOn: '2031-05-13' }), NOW))).toBe(
        400,
      );
      expect(await statusOf(intake.create(reporter(s), about(ref, { observedOn: '2031-05-12' }), NOW))).toBe(
        200,
      );
      expect(await statusOf(intake.create(reporter(s), about({}), NOW))).toBe(400);
      const both = { ...ref, address: { postcode: '1234AB', houseNumber: '1' } };
      expect(await statusOf(intake.create(reporter(s), about(both), NOW))).toBe(400);
    });
  });

  describe('the partner view', () => {
    it("shows a partner its own organisation's signals only, and no internal field", async () => {
      const s = await createSignalScenario(db);
      const own = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const other = await intake.create(
        reporter(s, 'otherPartner'),
        about({ clientReference: 'ABCD-EFGH' }),
        NOW,
      );
      await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        own.id,
        { decision: 'link', reason: 'Geheim: schulden', watchId: s.watchId },
        LATER,
      );

      const partnerScope = reporter(s);
      expect(await partnerViews.get(partnerScope, other.id)).toBeNull();
      const page = await partnerViews.list(partnerScope, { page: 1, pageSize: 100 });
      expect(page.items.map((i) => i.id)).toEqual([own.id]);
      const seen = (await partnerViews.get(partnerScope, own.id)) as PartnerSignal;
      expect(seen.status).toBe('triaged');
      expect(seen.feedback).toEqual([
        { status: 'triaged', text: STANDARD_LINKED, createdAt: LATER.toISOString() },
      ]);
      const text = JSON.stringify(seen);
      for (const secret of [
        s.client.id,
        s.client.name,
        s.client.reference,
        s.watchId,
        'Geheim',
        s.coordinator.id,
      ])
        expect(text).not.toContain(secret);
      expect(Object.keys(seen)).not.toEqual(expect.arrayContaining(['client']));
    });
  });

  describe('triage', () => {
    it('link opens the watch reactivation in the same transaction and gives the partner its standard feedback', async () => {
      const s = await createSignalScenario(db);
      const signal = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const result = (await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        signal.id,
        { decision: 'link', reason: 'Past bij het signaleringsplan', watchId: s.watchId },
        LATER,
      )) as Signal;
      expect(result).toMatchObject({
        status: 'triaged',
        client: { id: s.client.id, name: s.client.name },
        triage: { decision: 'linked', reason: 'Past bij het signaleringsplan', watchId: s.watchId },
        triagedAt: LATER.toISOString(),
        firstFeedbackAt: LATER.toISOString(),
      });
      const requestId = result.triage?.reactivationRequestId as string;
      const [request] = await db.query(
        `SELECT watch_id, sources, status, urgency FROM reactivation_requests WHERE id = $1`,
        [requestId],
      );
      expect(request).toMatchObject({
        watch_id: s.watchId,
        sources: ['partner_signal'],
        status: 'open',
        urgency: 'normal',
      });

      expect(await feedbackOf(signal.id)).toEqual([
        { status: 'triaged', text: STANDARD_LINKED, created_by: s.coordinator.id },
      ]);
      const mails = (await outbox(db, s.organisation.id)).filter((m) => m.recipient === s.partnerUser.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        subject: 'Uw signaal is bekeken',
        idempotency_key: `signal-triaged-${signal.id}`,
      });
      expect(mails[0].body_text).toContain(STANDARD_LINKED);
      expect(mails[0].body_text).toContain('Soort signaal: huurachterstand.');
      expect(mails[0].body_text).toContain(`${PUBLIC_URL}/mijn-signalen/${signal.id}`);
      for (const secret of [s.client.name, s.client.reference, s.partnerReference, 'signaleringsplan'])
        expect(mails[0].body_text).not.toContain(secret);
      // The first feedback ends the wait.
      expect((await signalTimers(db, signal.id)).map((t) => t.state)).toEqual(['cancelled']);

      // A triaged signal is not triaged again.
      expect(
        await statusOf(
          triage.triage(
            scopeOf(s),
            s.coordinator.id,
            signal.id,
            { decision: 'no_action', reason: 'x' },
            LATER,
          ),
        ),
      ).toBe(409);
    });

    it('links an address signal to a watch of any client, joining its open request; safety is urgent', async () => {
      const s = await createSignalScenario(db);
      const first = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const second = await intake.create(
        reporter(s, 'otherPartner'),
        about({ address: { postcode: '1234AB', houseNumber: '1' } }, { category: 'safety' }),
        NOW,
      );
      const a = (await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        first.id,
        { decision: 'link', reason: 'Eerste', watchId: s.watchId },
        LATER,
      )) as Signal;
      const b = (await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        second.id,
        { decision: 'link', reason: 'Tweede', watchId: s.watchId },
        LATER,
      )) as Signal;
      expect(b.client?.id).toBe(s.client.id);
      expect(b.triage?.reactivationRequestId).toBe(a.triage?.reactivationRequestId);
      const [request] = await db.query(`SELECT urgency FROM reactivation_requests WHERE id = $1`, [
        a.triage?.reactivationRequestId,
      ]);
      expect(request.urgency).toBe('urgent');
      const reasons: Array<{ reason: string; source: string }> = await db.query(
        `SELECT reason, source FROM reactivation_reasons WHERE request_id = $1 ORDER BY created_at, reason`,
        [a.triage?.reactivationRequestId],
      );
      expect(reasons).toEqual([
        { reason: 'Eerste', source: 'partner_signal' },
        { reason: 'Tweede', source: 'partner_signal' },
      ]);
    });

    it('refuses a link without a watch, to another client, or a watch id with another decision; nothing changes', async () => {
      const s = await createSignalScenario(db);
      const signal = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const stranger = await createClient(db, s.organisation.id, s.coordinator.id);
      const strangersWatch = await createWatch(db, s.organisation.id, stranger.id, s.caseworker.id);
      const elsewhere = await createTeam(db);
      const foreignClient = await createClient(db, elsewhere.organisation.id, elsewhere.coordinator.id);
      const foreignWatch = await createWatch(
        db,
        elsewhere.organisation.id,
        foreignClient.id,
        elsewhere.caseworker.id,
      );
      const attempt = (dto: Parameters<SignalTriageService['triage']>[3]) =>
        statusOf(triage.triage(scopeOf(s), s.coordinator.id, signal.id, dto, LATER));

      expect(await attempt({ decision: 'link', reason: 'x' })).toBe(400);
      expect(await attempt({ decision: 'link', reason: 'x', watchId: strangersWatch.id })).toBe(400);
      expect(await attempt({ decision: 'link', reason: 'x', watchId: foreignWatch.id })).toBe(400);
      expect(await attempt({ decision: 'forward', reason: 'x', watchId: s.watchId })).toBe(400);
      expect(await row(signal.id)).toMatchObject({ status: 'received', first_feedback_at: null });
      expect(await feedbackOf(signal.id)).toEqual([]);
      // Another organisation's coordinator finds nothing.
      expect(
        await triage.triage(
          TenantScope.fromSession({ organisationId: elsewhere.organisation.id }),
          elsewhere.coordinator.id,
          signal.id,
          { decision: 'no_action', reason: 'x' },
          LATER,
        ),
      ).toBeNull();
    });

    it('forward with its own text, then handle: one feedback and one e-mail per status change', async () => {
      const s = await createSignalScenario(db);
      const signal = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      expect(await statusOf(triage.handle(scopeOf(s), s.coordinator.id, signal.id, {}, LATER))).toBe(409);

      await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        signal.id,
        {
          decision: 'forward',
          reason: 'Schuldhulp is beter',
          feedback: '  We hebben het doorgestuurd naar de schuldhulp.  ',
        },
        LATER,
      );
      const handledAt = new Date('2031-05-13T09:00:00Z');
      const handled = (await triage.handle(scopeOf(s), s.admin.id, signal.id, {}, handledAt)) as Signal;
      expect(handled).toMatchObject({
        status: 'handled',
        handledAt: handledAt.toISOString(),
        firstFeedbackAt: LATER.toISOString(),
      });
      expect(await statusOf(triage.handle(scopeOf(s), s.admin.id, signal.id, {}, handledAt))).toBe(409);

      expect(await feedbackOf(signal.id)).toEqual([
        {
          status: 'triaged',
          text: 'We hebben het doorgestuurd naar de schuldhulp.',
          created_by: s.coordinator.id,
        },
        {
          status: 'handled',
          text: 'We hebben uw signaal afgehandeld. Bedankt dat u het aan ons doorgaf.\nMaakt u zich opnieuw zorgen? Geef dan een nieuw signaal door.',
          created_by: s.admin.id,
        },
      ]);
      const mails = await outbox(db, s.organisation.id);
      expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
        [s.partnerUser.email, 'Uw signaal is bekeken'],
        [s.partnerUser.email, 'Uw signaal is afgehandeld'],
      ]);
      expect(mails[1].body_text).not.toContain('Schuldhulp is beter');
    });

    it("e-mails a partner system's feedback address, in Dutch with the partner's name, or nobody", async () => {
      const s = await createSignalScenario(db);
      const keys = app.get(PartnerApiKeysService);
      const scope = scopeOf(s);
      const withMail = await keys.create(
        scope,
        s.admin.id,
        s.partner.id,
        { name: 'Woonsysteem', feedbackEmail: 'Meldingen@Woonstad.example.nl' },
        NOW,
      );
      const silent = await keys.create(scope, s.admin.id, s.partner.id, { name: 'Stil' }, NOW);
      const bySystem = (keyId: string): PartnerPrincipal => ({ ...reporter(s), userId: null, keyId });

      const one = await intake.create(
        bySystem(withMail?.id as string),
        about({ clientReference: s.partnerReference }),
        NOW,
      );
      const two = await intake.create(
        bySystem(silent?.id as string),
        about({ clientReference: s.partnerReference }),
        NOW,
      );
      for (const signal of [one, two])
        await triage.triage(
          scope,
          s.coordinator.id,
          signal.id,
          { decision: 'no_action', reason: 'Bekend' },
          LATER,
        );

      const mails = await outbox(db, s.organisation.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        recipient: 'meldingen@woonstad.example.nl',
        subject: 'Uw signaal is bekeken',
      });
      expect(mails[0].body_text).toMatch(new RegExp(`^Hallo ${s.partner.name},`));
      expect(await feedbackOf(two.id)).toHaveLength(1);
      const internal = (await views.get(scope, one.id)) as Signal;
      expect(internal).toMatchObject({
        reportedBy: null,
        reportedVia: { id: withMail?.id, name: 'Woonsysteem' },
      });
    });
  });

  describe('the feedback nudge', () => {
    it('e-mails every active coordinator once when no feedback came, however often the job runs', async () => {
      const s = await createSignalScenario(db);
      const second = await createUser(db, s.organisation.id, { role: 'coordinator' });
      await createUser(db, s.organisation.id, { role: 'coordinator', active: false });
      const signal = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const [timer] = await signalTimers(db, signal.id);
      const processor = app.get(SignalFeedbackDueProcessor);

      await processor.process({ timerIds: [timer.id] });
      await processor.process({ timerIds: [timer.id] });

      const mails = await outbox(db, s.organisation.id);
      expect(mails.map((m) => m.recipient).sort()).toEqual([s.coordinator.email, second.email].sort());
      expect(mails[0].subject).toBe(`Signaal wacht op reactie: ${s.partner.name}`);
      expect(mails[0].body_text).toContain('maandag 12 mei 2031');
      expect(mails[0].body_text).toContain(`${PUBLIC_URL}/signalen/${signal.id}`);
      expect(mails[0].body_text).not.toContain(s.client.name);
      expect((await signalTimers(db, signal.id)).map((t) => t.state)).toEqual(['done']);
    });

    it('does nothing for a signal that got feedback: cancelled at the first feedback, and skipped when taken', async () => {
      const s = await createSignalScenario(db);
      const processor = app.get(SignalFeedbackDueProcessor);
      const answered = await intake.create(reporter(s), about({ clientReference: s.partnerReference }), NOW);
      const [cancelled] = await signalTimers(db, answered.id);
      await triage.triage(
        scopeOf(s),
        s.coordinator.id,
        answered.id,
        { decision: 'forward', reason: 'x' },
        LATER,
      );
      expect((await signalTimers(db, answered.id)).map((t) => t.state)).toEqual(['cancelled']);

      // A timer taken after the signal got feedback (the race the processor must survive).
      const late = await createSignal(db, s.organisation.id, s.partner.id, s.partnerUser.id, {
        receivedAt: NOW,
        firstFeedbackAt: LATER,
      });
      const taken = await createFeedbackDueTimer(db, s.organisation.id, late.id, NOW);

      const before = (await outbox(db, s.organisation.id)).length;
      await processor.process({ timerIds: [cancelled.id, taken.id] });
      expect(await outbox(db, s.organisation.id)).toHaveLength(before);
      expect((await signalTimers(db, answered.id)).map((t) => t.state)).toEqual(['cancelled']);
      expect((await signalTimers(db, late.id)).map((t) => t.state)).toEqual(['done']);
    });

    it('takes a batch of timers of several organisations in one job', async () => {
      const [a, b] = [await createSignalScenario(db), await createSignalScenario(db)];
      const signals = [
        await intake.create(reporter(a), about({ clientReference: a.partnerReference }), NOW),
        await intake.create(reporter(b), about({ clientReference: b.partnerReference }), NOW),
      ];
      const timerIds = [
        (await signalTimers(db, signals[0].id))[0].id,
        (await signalTimers(db, signals[1].id))[0].id,
      ];
      await app.get(SignalFeedbackDueProcessor).process({ timerIds });
      expect((await outbox(db, a.organisation.id)).map((m) => m.recipient)).toEqual([a.coordinator.email]);
      expect((await outbox(db, b.organisation.id)).map((m) => m.recipient)).toEqual([b.coordinator.email]);
    });
  });

  describe('partner references', () => {
    it('are made for consenting partners only, and stay the same while consent comes and goes', async () => {
      const s = await createSignalScenario(db);
      const references = app.get(ClientPartnerReferencesService);
      await giveSharingConsent(db, s.organisation.id, s.client.id, s.otherPartner.id);
      const first = (await references.forClient(scopeOf(s), s.client.id)) ?? [];
      expect(first.map((r) => r.partnerOrganisation.id).sort()).toEqual(
        [s.partner.id, s.otherPartner.id].sort(),
      );
      expect(first.find((r) => r.partnerOrganisation.id === s.partner.id)?.reference).toBe(
        s.partnerReference,
      );
      const others = first.find((r) => r.partnerOrganisation.id === s.otherPartner.id)?.reference as string;
      expect(others).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      await withdrawSharingConsent(db, s.client.id, s.otherPartner.id);
      expect((await references.forClient(scopeOf(s), s.client.id))?.map((r) => r.reference)).toEqual([
        s.partnerReference,
      ]);
      await giveSharingConsent(db, s.organisation.id, s.client.id, s.otherPartner.id);
      expect((await references.forClient(scopeOf(s), s.client.id))?.map((r) => r.reference)).toContain(
        others,
      );

      const elsewhere = await createTeam(db);
      expect(
        await references.forClient(
          TenantScope.fromSession({ organisationId: elsewhere.organisation.id }),
          s.client.id,
        ),
      ).toBeNull();
    });
  });

  describe('metrics', () => {
    it('time to first feedback (median, p90) and counts of a period, by the organisation calendar', async () => {
      const s = await createSignalScenario(db);
      const hour = 3_600_000;
      const base = new Date('2031-03-03T09:00:00Z').getTime();
      const delays = [1, 2, 3, 4, 10];
      for (const [i, delay] of delays.entries()) {
        await createSignal(db, s.organisation.id, s.partner.id, s.partnerUser.id, {
          receivedAt: new Date(base + i * 24 * hour),
          firstFeedbackAt: new Date(base + i * 24 * hour + delay * hour),
          category: i < 2 ? 'nuisance' : 'isolation',
        });
      }
      // Still waiting; received at 23:30 on 31 March in Amsterdam (CEST): inside the period.
      await createSignal(db, s.organisation.id, s.partner.id, s.partnerUser.id, {
        receivedAt: new Date('2031-03-31T21:30:00Z'),
        category: 'safety',
      });
      // 00:30 on 1 April in Amsterdam, and the day before the period: outside.
      await createSignal(db, s.organisation.id, s.partner.id, s.partnerUser.id, {
        receivedAt: new Date('2031-03-31T22:30:00Z'),
      });
      await createSignal(db, s.organisation.id, s.partner.id, s.partnerUser.id, {
        receivedAt: new Date('2031-02-28T12:00:00Z'),
      });

      const metrics = app.get(SignalMetricsService);
      const result = await metrics.metrics(scopeOf(s), { from: '2031-03-01', to: '2031-03-31' }, NOW);
      expect(result).toEqual({
        from: '2031-03-01',
        to: '2031-03-31',
        received: 6,
        firstFeedback: { count: 5, medianSeconds: 3 * 3600, p90Seconds: 27_360 },
        awaitingFeedback: 1,
        byCategory: {
          rent_arrears: 0,
          nuisance: 2,
          neglect: 0,
          confused_behaviour: 0,
          isolation: 3,
          safety: 1,
          other: 0,
        },
        byStatus: { received: 6, triaged: 0, handled: 0 },
      });
      // The default period is the last 30 days up to today, organisation time (now 00:10 on 1 April).
      const recent = await metrics.metrics(scopeOf(s), {}, new Date('2031-03-31T22:10:00Z'));
      expect(recent).toMatchObject({ from: '2031-03-03', to: '2031-04-01', received: 7 });
      expect(await statusOf(metrics.metrics(scopeOf(s), { from: '2031-04-01', to: '2031-03-01' }, NOW))).toBe(
        400,
      );
    });
  });
});
