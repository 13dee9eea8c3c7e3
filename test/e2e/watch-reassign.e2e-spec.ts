import {
  IDEMPOTENCY_KEY_HEADER,
  PROBLEM_TYPES,
  REASSIGN_WATCHES_PATH,
  type ProblemDetails,
  type ReassignWatchesResult,
} from '@waakvlam/contracts';
import { randomUUID } from 'node:crypto';
import {
  caseworkerEventsOf,
  caseworkersOf,
  createCaseloadTeam,
  createClientWatch,
  createNamedCaseworker,
  plannedCheckInOf,
} from '../support/caseload-factories';
import { createCheckIn, createPartnerUser, createTeam, createUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { createAbsence } from '../support/reactivation-factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('POST /api/watches/reassign', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Anna has three open watches (two with Bram as backup) and an ended one; Cees takes over. */
  async function scenario() {
    const db = t.dataSource;
    const team = await createCaseloadTeam(db);
    const { org, anna, bram, cees } = team;
    const by = team.coordinator.id;
    const w1 = await createClientWatch(db, org, by, anna.id, { backupId: bram.id });
    const w2 = await createClientWatch(db, org, by, anna.id, { backupId: bram.id, status: 'paused' });
    const w3 = await createClientWatch(db, org, by, anna.id);
    const ended = await createClientWatch(db, org, by, anna.id, { status: 'ended' });
    await createCheckIn(db, org, w1.watchId, anna.id, { dueDate: '2099-03-02' });
    await createCheckIn(db, org, w3.watchId, anna.id, { dueDate: '2099-03-03' });
    const coordinator = await t.signIn(team.coordinator);
    return { team, org, anna, bram, cees, w1, w2, w3, ended, coordinator };
  }

  const reassign = (client: HttpClient, body: Record<string, unknown>, key?: string) =>
    client.post<ReassignWatchesResult>(REASSIGN_WATCHES_PATH, body, {
      headers: key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {},
    });

  it('previews what would change and changes nothing', async () => {
    const s = await scenario();
    const res = await reassign(s.coordinator, {
      watchIds: [s.w1.watchId, s.w2.watchId, s.ended.watchId],
      toCaseworkerId: s.cees.id,
      role: 'primary',
      preview: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      preview: true,
      role: 'primary',
      changes: [
        {
          watchId: s.w1.watchId,
          clientReference: s.w1.reference,
          from: { id: s.anna.id, displayName: 'Anna Aalders' },
          to: { id: s.cees.id, displayName: 'Cees Claassen' },
        },
        {
          watchId: s.w2.watchId,
          clientReference: s.w2.reference,
          from: { id: s.anna.id, displayName: 'Anna Aalders' },
          to: { id: s.cees.id, displayName: 'Cees Claassen' },
        },
      ],
      skipped: [{ watchId: s.ended.watchId, reason: 'ended' }],
    });
    expect((await caseworkersOf(t.dataSource, s.w1.watchId)).primary_caseworker_id).toBe(s.anna.id);
    expect((await plannedCheckInOf(t.dataSource, s.w1.watchId))?.caseworker_id).toBe(s.anna.id);
    expect(await caseworkerEventsOf(t.dataSource, s.w1.watchId)).toEqual([]);
  });

  it('changes the primary, moves the planned check-in, writes one event per watch; a retry changes nothing more', async () => {
    const s = await scenario();
    const body = {
      watchIds: [s.w1.watchId, s.w3.watchId],
      toCaseworkerId: s.cees.id,
      role: 'primary',
      reason: 'Anna gaat met verlof',
    };
    const res = await reassign(s.coordinator, body);
    expect(res.status).toBe(200);
    expect(res.body.preview).toBe(false);
    expect(res.body.changes.map((c) => [c.watchId, c.from?.id, c.to.id])).toEqual([
      [s.w1.watchId, s.anna.id, s.cees.id],
      [s.w3.watchId, s.anna.id, s.cees.id],
    ]);
    expect(await caseworkersOf(t.dataSource, s.w1.watchId)).toEqual({
      primary_caseworker_id: s.cees.id,
      backup_caseworker_id: s.bram.id,
    });
    expect((await plannedCheckInOf(t.dataSource, s.w1.watchId))?.caseworker_id).toBe(s.cees.id);
    expect((await plannedCheckInOf(t.dataSource, s.w3.watchId))?.caseworker_id).toBe(s.cees.id);
    expect(await caseworkerEventsOf(t.dataSource, s.w1.watchId)).toEqual([
      {
        actor_id: s.team.coordinator.id,
        reason: 'Anna gaat met verlof',
        details: {
          from: { primaryCaseworkerId: s.anna.id, backupCaseworkerId: s.bram.id },
          to: { primaryCaseworkerId: s.cees.id, backupCaseworkerId: s.bram.id },
        },
      },
    ]);
    expect(await caseworkerEventsOf(t.dataSource, s.w3.watchId)).toHaveLength(1);
    // Cees now has open watches: her morning digest is scheduled.
    const digests = await t.dataSource.query(
      `SELECT 1 FROM timers WHERE kind = 'caseworker_digest' AND subject_id = $1 AND state = 'pending'`,
      [s.cees.id],
    );
    expect(digests).toHaveLength(1);

    const again = await reassign(s.coordinator, body);
    expect(again.status).toBe(200);
    expect(again.body.changes).toEqual([]);
    expect(again.body.skipped).toEqual([
      { watchId: s.w1.watchId, reason: 'already_assigned' },
      { watchId: s.w3.watchId, reason: 'already_assigned' },
    ]);
    expect(await caseworkerEventsOf(t.dataSource, s.w1.watchId)).toHaveLength(1);
    expect(await caseworkerEventsOf(t.dataSource, s.w3.watchId)).toHaveLength(1);
  });

  it('changes the backup, leaves the check-in with the primary and skips the watch whose primary she is', async () => {
    const s = await scenario();
    const res = await reassign(s.coordinator, {
      watchIds: [s.w1.watchId, s.w3.watchId],
      toCaseworkerId: s.bram.id,
      role: 'backup',
    });
    expect(res.body.changes).toEqual([
      {
        watchId: s.w3.watchId,
        clientReference: s.w3.reference,
        from: null,
        to: { id: s.bram.id, displayName: 'Bram Bos' },
      },
    ]);
    expect(res.body.skipped).toEqual([{ watchId: s.w1.watchId, reason: 'already_assigned' }]);
    expect(await caseworkersOf(t.dataSource, s.w3.watchId)).toEqual({
      primary_caseworker_id: s.anna.id,
      backup_caseworker_id: s.bram.id,
    });
    expect((await plannedCheckInOf(t.dataSource, s.w3.watchId))?.caseworker_id).toBe(s.anna.id);
    const [event] = await caseworkerEventsOf(t.dataSource, s.w3.watchId);
    expect(event.details).toEqual({
      from: { primaryCaseworkerId: s.anna.id, backupCaseworkerId: null },
      to: { primaryCaseworkerId: s.anna.id, backupCaseworkerId: s.bram.id },
    });

    const swap = await reassign(s.coordinator, {
      watchIds: [s.w1.watchId],
      toCaseworkerId: s.bram.id,
      role: 'primary',
    });
    expect(swap.body.skipped).toEqual([{ watchId: s.w1.watchId, reason: 'is_other_caseworker' }]);
  });

  it('hands the check-in to the backup when the new primary is absent that day; a new backup takes a handed-over one', async () => {
    const s = await scenario();
    const by = s.team.coordinator.id;
    await createAbsence(t.dataSource, s.org, s.cees.id, '2099-03-01', '2099-03-04', by);
    await reassign(s.coordinator, { watchIds: [s.w1.watchId], toCaseworkerId: s.cees.id, role: 'primary' });
    expect(await plannedCheckInOf(t.dataSource, s.w1.watchId)).toMatchObject({
      caseworker_id: s.bram.id,
      handed_over_from: s.cees.id,
    });

    // Anna is absent and her check-in on w3 went to its backup; a new backup takes it over.
    await reassign(s.coordinator, { watchIds: [s.w3.watchId], toCaseworkerId: s.bram.id, role: 'backup' });
    await createAbsence(t.dataSource, s.org, s.anna.id, '2099-03-03', '2099-03-03', by);
    await t.dataSource.query(
      `UPDATE check_ins SET caseworker_id = $2, handed_over_from = $3 WHERE watch_id = $1 AND status = 'planned'`,
      [s.w3.watchId, s.bram.id, s.anna.id],
    );
    const dora = await createNamedCaseworker(t.dataSource, s.org, 'Dora Dekker');
    await reassign(s.coordinator, { watchIds: [s.w3.watchId], toCaseworkerId: dora.id, role: 'backup' });
    expect(await plannedCheckInOf(t.dataSource, s.w3.watchId)).toMatchObject({
      caseworker_id: dora.id,
      handed_over_from: s.anna.id,
    });
  });

  it("skips another organisation's watch exactly like an unknown id", async () => {
    const s = await scenario();
    const other = await createTeam(t.dataSource);
    const theirs = await createClientWatch(
      t.dataSource,
      other.organisation.id,
      other.coordinator.id,
      other.caseworker.id,
    );
    const unknown = randomUUID();
    const res = await reassign(s.coordinator, {
      watchIds: [theirs.watchId, unknown, s.w1.watchId],
      toCaseworkerId: s.cees.id,
      role: 'primary',
    });
    expect(res.body.skipped).toEqual([
      { watchId: theirs.watchId, reason: 'not_found' },
      { watchId: unknown, reason: 'not_found' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(theirs.reference);
    expect(res.body.changes.map((c) => c.watchId)).toEqual([s.w1.watchId]);
    expect((await caseworkersOf(t.dataSource, theirs.watchId)).primary_caseworker_id).toBe(
      other.caseworker.id,
    );
  });

  it('refuses a target who is not an active caseworker of the organisation with problem+json', async () => {
    const s = await scenario();
    const other = await createTeam(t.dataSource);
    const inactive = await createNamedCaseworker(t.dataSource, s.org, 'Ina Inactief', { active: false });
    const targets = [other.caseworker.id, inactive.id, s.team.coordinator.id, randomUUID()];
    for (const toCaseworkerId of targets) {
      const res = await s.coordinator.post<ProblemDetails>(REASSIGN_WATCHES_PATH, {
        watchIds: [s.w1.watchId],
        toCaseworkerId,
        role: 'primary',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.type).toBe(PROBLEM_TYPES.validation);
      expect(res.body.errors).toEqual([{ field: 'toCaseworkerId', message: expect.any(String) }]);
    }
    expect((await caseworkersOf(t.dataSource, s.w1.watchId)).primary_caseworker_id).toBe(s.anna.id);
  });

  it('validates the body: 1–500 unique uuids and a role', async () => {
    const s = await scenario();
    const base = { toCaseworkerId: s.cees.id, role: 'primary' };
    const bodies = [
      { ...base, watchIds: [] },
      { ...base, watchIds: [s.w1.watchId, s.w1.watchId] },
      { ...base, watchIds: ['not-a-uuid'] },
      { ...base, watchIds: Array.from({ length: 501 }, () => randomUUID()) },
      { ...base, watchIds: [s.w1.watchId], role: 'owner' },
      { ...base, watchIds: [s.w1.watchId], organisationId: s.org },
    ];
    for (const body of bodies) {
      const res = await s.coordinator.post<ProblemDetails>(REASSIGN_WATCHES_PATH, body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe(PROBLEM_TYPES.validation);
    }
  });

  it('is for coordinators and admins; an Idempotency-Key replays the first answer', async () => {
    const s = await scenario();
    const body = { watchIds: [s.w2.watchId], toCaseworkerId: s.cees.id, role: 'primary' };
    const { user: partner } = await createPartnerUser(t.dataSource, s.org);
    const caseworker = await createUser(t.dataSource, s.org, { role: 'caseworker' });
    for (const user of [caseworker, partner])
      expect((await reassign(await t.signIn(user), body)).status).toBe(403);
    const admin = await t.signIn(s.team.admin);
    const key = randomUUID();
    const first = await reassign(admin, body, key);
    const replay = await reassign(admin, body, key);
    expect(first.status).toBe(200);
    expect(first.body.changes).toHaveLength(1);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await caseworkerEventsOf(t.dataSource, s.w2.watchId)).toHaveLength(1);
  });
});
