import type { CheckInOutcome, SignalCategory } from '@waakvlam/contracts';
import type { DataSource } from 'typeorm';
import {
  type TestUser,
  createCheckIn,
  createClient,
  createOrganisation,
  createPartnerUser,
  createUser,
  createWatch,
} from './factories';
import { createReactivationRequest, hoursAfter } from './reactivation-factories';

/** A check-in of a watch that was recorded at `completedAt` (an instant), with the outcome. */
export async function createDoneCheckIn(
  db: DataSource,
  organisationId: string,
  watchId: string,
  caseworkerId: string,
  options: { dueDate: string; completedAt: Date; outcome?: CheckInOutcome },
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status, outcome,
       channel, completed_at, completed_by)
     VALUES ($1, $2, $3, $4, $4, 'done', $5, 'phone', $6, $3) RETURNING id`,
    [organisationId, watchId, caseworkerId, options.dueDate, options.outcome ?? 'well', options.completedAt],
  );
  return row;
}

/** A missed check-in (its grace period passed without a record). */
export const createMissedCheckIn = (
  db: DataSource,
  organisationId: string,
  watchId: string,
  caseworkerId: string,
  dueDate: string,
): Promise<{ id: string }> =>
  createCheckIn(db, organisationId, watchId, caseworkerId, { dueDate, status: 'missed' });

/** A watch event (the timeline) at an instant, e.g. `lapsed`. */
export async function createWatchEvent(
  db: DataSource,
  organisationId: string,
  watchId: string,
  type: 'lapsed' | 'paused' | 'resumed' | 'reactivated',
  at: Date,
): Promise<void> {
  await db.query(`INSERT INTO watch_events (organisation_id, watch_id, type, at) VALUES ($1, $2, $3, $4)`, [
    organisationId,
    watchId,
    type,
    at,
  ]);
}

/** A received signal, about a client (matched) when `clientId` is given, else about an address. */
export async function createPartnerSignal(
  db: DataSource,
  organisationId: string,
  partner: { id: string; reporterId: string },
  options: { receivedAt: Date; category: SignalCategory; feedbackAfterHours?: number; clientId?: string },
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO signals (organisation_id, partner_organisation_id, reported_by_user_id, postcode, house_number,
       client_id, category, description, observed_on, received_at, updated_at, first_feedback_at)
     VALUES ($1, $2, $3, '1234AB', '1', $4, $5, 'Test', $6::timestamptz::date, $6, $6, $7) RETURNING id`,
    [
      organisationId,
      partner.id,
      partner.reporterId,
      options.clientId ?? null,
      options.category,
      options.receivedAt,
      hoursAfter(options.receivedAt, options.feedbackAfterHours),
    ],
  );
  return row;
}

/** The period of the dashboard scenario: four whole weeks, Monday 2 to Sunday 29 March 2026. */
export const SCENARIO_PERIOD = { from: '2026-03-02', to: '2026-03-29' } as const;

export interface DashboardScenario {
  organisationId: string;
  coordinator: TestUser;
  caseworkerA: TestUser;
  caseworkerB: TestUser;
  partners: Array<{ id: string; name: string }>;
  /** w1 (Centrum, A, active), w2 (Centrum, A, lapsed), w3 (Noord, B, paused), w4 (no wijk, B, reactivated),
   * w5 (Noord, B, ended). */
  watches: Array<{ id: string; clientId: string }>;
}

const at = (iso: string): Date => new Date(iso);

/**
 * An organisation (Europe/Amsterdam) whose figures for SCENARIO_PERIOD are known by hand — see the dashboard e2e
 * spec for every expected number and why. Rows outside the period and in another organisation must not count.
 */
export async function createDashboardScenario(db: DataSource): Promise<DashboardScenario> {
  const organisation = await createOrganisation(db);
  const org = organisation.id;
  const [coordinator, caseworkerA, caseworkerB] = await Promise.all([
    createUser(db, org, { role: 'coordinator' }),
    createUser(db, org, { role: 'caseworker' }),
    createUser(db, org, { role: 'caseworker' }),
  ]);
  await db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [caseworkerA.id, 'Anna Aalders']);
  await db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [caseworkerB.id, 'Bram Bos']);
  const hoods: Array<string | null> = ['Centrum', 'Centrum', 'Noord', null, 'Noord'];
  const statuses = ['active', 'lapsed', 'paused', 'reactivated', 'ended'] as const;
  const watches: Array<{ id: string; clientId: string }> = [];
  for (const [i, status] of statuses.entries()) {
    const client = await createClient(db, org, coordinator.id, { neighbourhood: hoods[i] });
    const primary = i < 2 ? caseworkerA.id : caseworkerB.id;
    const watch = await createWatch(db, org, client.id, primary, { status });
    watches.push({ id: watch.id, clientId: client.id });
  }
  const [w1, w2, w3, w4] = watches;
  const A = caseworkerA.id;
  const B = caseworkerB.id;

  // Check-ins: on time 1, late 2, missed 2, open 1 (a cancelled one and one after the period do not count).
  await createDoneCheckIn(db, org, w1.id, A, {
    dueDate: '2026-03-03',
    completedAt: at('2026-03-03T20:00:00Z'),
  });
  // 23:30 UTC is 00:30 the next day in Amsterdam: late.
  await createDoneCheckIn(db, org, w1.id, A, {
    dueDate: '2026-03-17',
    completedAt: at('2026-03-17T23:30:00Z'),
  });
  await createDoneCheckIn(db, org, w1.id, A, {
    dueDate: '2026-03-30',
    completedAt: at('2026-03-30T09:00:00Z'),
  });
  await createCheckIn(db, org, w1.id, A, { dueDate: '2026-03-05', status: 'cancelled' });
  await createMissedCheckIn(db, org, w2.id, A, '2026-03-04');
  await createMissedCheckIn(db, org, w2.id, A, '2026-03-18');
  await createDoneCheckIn(db, org, w3.id, B, {
    dueDate: '2026-03-10',
    completedAt: at('2026-03-12T10:00:00Z'),
  });
  await createCheckIn(db, org, w4.id, B, { dueDate: '2026-03-25' });

  // Lapses: one in the period (w2), one before it.
  await createWatchEvent(db, org, w2.id, 'lapsed', at('2026-03-19T10:00:00Z'));
  await createWatchEvent(db, org, w2.id, 'lapsed', at('2026-02-20T10:00:00Z'));

  // Reactivations: 3 in the period, 1 after it.
  await createReactivationRequest(
    db,
    org,
    { ...w4, assigneeId: B },
    {
      createdAt: at('2026-03-09T09:00:00Z'),
      sources: ['lapse'],
      slaHours: 4,
      acceptedAfterHours: 1,
      contactedAfterHours: 3,
      resolution: 'back_to_watch',
    },
  );
  await createReactivationRequest(
    db,
    org,
    { ...w2, assigneeId: A },
    {
      createdAt: at('2026-03-20T09:00:00Z'),
      sources: ['partner_signal', 'caseworker'],
      slaHours: 16,
      acceptedAfterHours: 3,
      contactedAfterHours: 30,
    },
  );
  await createReactivationRequest(
    db,
    org,
    { ...w3, assigneeId: B },
    {
      createdAt: at('2026-03-25T09:00:00Z'),
      sources: ['client'],
      slaHours: 4,
    },
  );
  await createReactivationRequest(
    db,
    org,
    { ...w4, assigneeId: B },
    {
      createdAt: at('2026-04-05T09:00:00Z'),
      sources: ['coordinator'],
      slaHours: 4,
      acceptedAfterHours: 1,
      contactedAfterHours: 2,
      resolution: 'closed',
    },
  );

  // Signals: partner 1 three (one about w1's client), partner 2 one; one after the period.
  const partners: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < 2; i += 1) {
    const { user, partner } = await createPartnerUser(db, org);
    partners.push(partner);
    const p = { id: partner.id, reporterId: user.id };
    if (i === 0) {
      await createPartnerSignal(db, org, p, {
        receivedAt: at('2026-03-03T10:00:00Z'),
        category: 'nuisance',
        feedbackAfterHours: 2,
        clientId: w1.clientId,
      });
      await createPartnerSignal(db, org, p, {
        receivedAt: at('2026-03-10T10:00:00Z'),
        category: 'rent_arrears',
        feedbackAfterHours: 6,
      });
      await createPartnerSignal(db, org, p, { receivedAt: at('2026-03-24T10:00:00Z'), category: 'nuisance' });
    } else {
      await createPartnerSignal(db, org, p, {
        receivedAt: at('2026-03-26T10:00:00Z'),
        category: 'safety',
        feedbackAfterHours: 1,
      });
      await createPartnerSignal(db, org, p, { receivedAt: at('2026-03-30T10:00:00Z'), category: 'safety' });
    }
  }
  return { organisationId: org, coordinator, caseworkerA, caseworkerB, partners, watches };
}
