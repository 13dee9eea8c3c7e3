import {
  type Client,
  type ErasureResult,
  PRIVACY_SETTINGS_PATH,
  PROBLEM_TYPES,
  type ProblemDetails,
  clientErasurePath,
  clientPath,
} from '@waakvlam/contracts';
import { ANONYMISED } from '../../api/src/modules/privacy/client-anonymiser.service';
import {
  createClientWithEverything,
  erasableValues,
  organisationRowsAsText,
} from '../support/privacy-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ERASE = { reason: 'client_request' };

describe('erasure on request (AVG art. 17)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const [row]: Array<{ n: number }> = await t.dataSource.query(sql, params);
    return row.n;
  };

  it('previews, then anonymises in place: personal data and free texts gone, the skeleton kept', async () => {
    const s = await createClientWithEverything(t.dataSource, { mailStatus: 'pending' });
    const org = s.team.organisation.id;
    const coordinator = await t.signIn(s.team.coordinator);
    const checkInsBefore = await count(`SELECT count(*)::int AS n FROM check_ins WHERE watch_id = $1`, [
      s.watchId,
    ]);
    const talliesBefore = await count(
      `SELECT count(*)::int AS n FROM check_in_tally_changes WHERE organisation_id = $1`,
      [org],
    );

    const preview = await coordinator.post<ErasureResult>(clientErasurePath(s.clientId), {
      ...ERASE,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, allowed: true, refusals: [], anonymisedAt: null });
    expect(preview.body.counts).toMatchObject({
      partnerConsents: 1,
      partnerReferences: 1,
      watchTexts: 1,
      watchEvents: 1,
      checkInNotes: 1,
      checkInTokens: 1,
      reactivationTexts: 2,
      signals: 1,
      signalFeedback: 1,
      notifications: 2,
      pendingNotificationsCancelled: 1,
    });
    // A preview changes nothing.
    expect((await coordinator.get<Client>(clientPath(s.clientId))).body.name).toBe(s.texts.name);

    const erased = await coordinator.post<ErasureResult>(clientErasurePath(s.clientId), ERASE);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ dryRun: false, allowed: true, counts: preview.body.counts });
    expect(erased.body.anonymisedAt).not.toBeNull();

    // Nothing personal is left anywhere in the organisation's rows.
    const stored = await organisationRowsAsText(t.dataSource, org);
    for (const value of erasableValues(s))
      expect({ value, found: stored.includes(value) }).toEqual({ value, found: false });

    const client = await coordinator.get<Client>(clientPath(s.clientId));
    expect(client.body).toMatchObject({
      name: ANONYMISED.name,
      email: null,
      phone: null,
      dateOfBirth: null,
      postcode: ANONYMISED.postcode,
      neighbourhood: 'Binnenstad',
      consent: { emailReminders: false, sharingPartnerIds: [] },
    });

    // The skeleton: the same rows, statuses, outcomes and dates, so the figures stay right.
    expect(await count(`SELECT count(*)::int AS n FROM check_ins WHERE watch_id = $1`, [s.watchId])).toBe(
      checkInsBefore,
    );
    const [checkIn]: Array<{ status: string; outcome: string; note: string | null }> =
      await t.dataSource.query(`SELECT status, outcome, note FROM check_ins WHERE id = $1`, [s.checkInId]);
    expect(checkIn).toEqual({ status: 'done', outcome: 'concern', note: null });
    expect(
      await count(`SELECT count(*)::int AS n FROM check_in_tally_changes WHERE organisation_id = $1`, [org]),
    ).toBe(talliesBefore);
    const [watch]: Array<{ status: string; end_reason: string }> = await t.dataSource.query(
      `SELECT status, end_reason FROM watches WHERE id = $1`,
      [s.watchId],
    );
    expect(watch).toEqual({ status: 'ended', end_reason: 'other' });
    const [signal]: Array<{ category: string; status: string; client_id: string }> = await t.dataSource.query(
      `SELECT category, status, client_id FROM signals WHERE id = $1`,
      [s.signalId],
    );
    expect(signal).toEqual({ category: 'rent_arrears', status: 'handled', client_id: s.clientId });

    // The link no longer works, the waiting e-mail is cancelled, the timer too; the staff e-mail keeps its address.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM check_in_tokens WHERE check_in_id = $1 AND expires_at > now()`,
        [s.tokenCheckInId],
      ),
    ).toBe(0);
    const mails: Array<{ id: string; status: string; recipient: string; link_secret: string | null }> =
      await t.dataSource.query(
        `SELECT id, status, recipient, link_secret FROM notifications WHERE id = ANY($1::uuid[])`,
        [[s.clientMailId, s.staffMailId]],
      );
    expect(mails.find((m) => m.id === s.clientMailId)).toMatchObject({
      status: 'dead',
      recipient: ANONYMISED.recipient,
      link_secret: null,
    });
    expect(mails.find((m) => m.id === s.staffMailId)).toMatchObject({ recipient: s.team.coordinator.email });
    const [timer]: Array<{ state: string }> = await t.dataSource.query(
      `SELECT state FROM timers WHERE id = $1`,
      [s.timerId],
    );
    expect(timer.state).toBe('cancelled');

    // Audited, and the audit trail is kept.
    const events: Array<{ action: string; resource: string; outcome: string; details: { reason: string } }> =
      await t.dataSource.query(
        `SELECT action, resource, outcome, details FROM audit_events
         WHERE client_ids @> ARRAY[$1::uuid] AND resource LIKE 'clients.erasure%' ORDER BY occurred_at`,
        [s.clientId],
      );
    expect(events).toEqual([
      expect.objectContaining({ action: 'read', resource: 'clients.erasure-preview', outcome: 'success' }),
      expect.objectContaining({ action: 'delete', resource: 'clients.erasure', outcome: 'success' }),
    ]);
    expect(events[1].details.reason).toBe('client_request');
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE id = $1`, [s.auditEventId])).toBe(
      1,
    );

    // Twice: refused, nothing more happens; an anonymised client gets no new or reopened watch.
    const again = await coordinator.post<ProblemDetails>(clientErasurePath(s.clientId), ERASE);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already_anonymised');
    const reopened = await coordinator.post<ProblemDetails>(`/api/watches/${s.watchId}/reopen`, {});
    expect(reopened.status).toBe(409);
    const started = await coordinator.post<ProblemDetails>('/api/watches', {
      clientId: s.clientId,
      primaryCaseworkerId: s.team.caseworker.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: new Date().toISOString().slice(0, 10),
    });
    expect(started.status).toBe(409);
  });

  it.each([['active'], ['paused'], ['lapsed'], ['reactivated']] as const)(
    'refuses while a watch is %s, saying why, and changes nothing',
    async (status) => {
      const s = await createClientWithEverything(t.dataSource, { status });
      const coordinator = await t.signIn(s.team.coordinator);
      const preview = await coordinator.post<ErasureResult>(clientErasurePath(s.clientId), {
        ...ERASE,
        dryRun: true,
      });
      expect(preview.body).toMatchObject({ allowed: false, refusals: [{ code: 'care_ongoing' }] });

      const refused = await coordinator.post<ProblemDetails>(clientErasurePath(s.clientId), ERASE);
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ type: PROBLEM_TYPES.erasureRefused, status: 409 });
      expect(refused.body.detail).toContain('care_ongoing');
      expect((await coordinator.get<Client>(clientPath(s.clientId))).body.name).toBe(s.texts.name);
      const failures = await count(
        `SELECT count(*)::int AS n FROM audit_events
         WHERE client_ids @> ARRAY[$1::uuid] AND resource = 'clients.erasure' AND outcome = 'failure'`,
        [s.clientId],
      );
      expect(failures).toBe(1);
    },
  );

  it('refuses while a reactivation request and a partner signal are open, naming both', async () => {
    const s = await createClientWithEverything(t.dataSource, {
      requestStatus: 'open',
      signalStatus: 'received',
    });
    const coordinator = await t.signIn(s.team.coordinator);
    const refused = await coordinator.post<ProblemDetails>(clientErasurePath(s.clientId), ERASE);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('reactivation_open');
    expect(refused.body.detail).toContain('signal_open');
  });

  it("refuses during the organisation's care-file retention, which admins set", async () => {
    const s = await createClientWithEverything(t.dataSource, { endedDaysAgo: 30 });
    const admin = await t.signIn(s.team.admin);
    const coordinator = await t.signIn(s.team.coordinator);
    const set = await admin.request('PUT', PRIVACY_SETTINGS_PATH, { careFileRetentionYears: 20 }, {}, true);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ careFileRetentionYears: 20, effectiveCareFileRetentionYears: 20 });
    expect(
      (await admin.request('PUT', PRIVACY_SETTINGS_PATH, { careFileRetentionYears: 31 }, {}, true)).status,
    ).toBe(400);
    expect(
      (await coordinator.request('PUT', PRIVACY_SETTINGS_PATH, { careFileRetentionYears: 1 }, {}, true))
        .status,
    ).toBe(403);

    const preview = await coordinator.post<ErasureResult>(clientErasurePath(s.clientId), {
      ...ERASE,
      dryRun: true,
    });
    expect(preview.body.allowed).toBe(false);
    expect(preview.body.refusals).toEqual([{ code: 'retention_period', retainUntil: expect.any(String) }]);
    const until = new Date(preview.body.refusals[0].retainUntil as string);
    expect(until.getUTCFullYear()).toBe(new Date(Date.now() - 30 * 86_400_000).getUTCFullYear() + 20);
    expect((await coordinator.post(clientErasurePath(s.clientId), ERASE)).status).toBe(409);

    // Back to the default (no care file in Waakvlam): allowed.
    await admin.request('PUT', PRIVACY_SETTINGS_PATH, { careFileRetentionYears: null }, {}, true);
    expect((await coordinator.post(clientErasurePath(s.clientId), ERASE)).status).toBe(200);
  });

  it('wants a known reason, and is for coordinators and admins of the organisation only', async () => {
    const s = await createClientWithEverything(t.dataSource);
    const coordinator = await t.signIn(s.team.coordinator);
    const path = clientErasurePath(s.clientId);
    expect((await coordinator.post(path, {})).status).toBe(400);
    expect((await coordinator.post(path, { reason: 'because' })).status).toBe(400);
    expect((await coordinator.post(path, { ...ERASE, note: 'free text' })).status).toBe(400);
    expect((await (await t.signIn(s.team.caseworker)).post(path, ERASE)).status).toBe(403);
    const other = await createClientWithEverything(t.dataSource);
    expect((await (await t.signIn(other.team.admin)).post(path, ERASE)).status).toBe(404);
    expect((await coordinator.get<Client>(clientPath(s.clientId))).body.name).toBe(s.texts.name);
  });
});
