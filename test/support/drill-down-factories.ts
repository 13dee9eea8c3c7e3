import type { DataSource } from 'typeorm';
import {
  createDoneCheckIn,
  createMissedCheckIn,
  createPartnerSignal,
  createWatchEvent,
} from './dashboard-factories';
import {
  type TestUser,
  createCheckIn,
  createClient,
  createOrganisation,
  createPartnerUser,
  createUser,
  createWatch,
} from './factories';
import { createReactivationRequest } from './reactivation-factories';

export interface DrillDownScenario {
  organisationId: string;
  coordinator: TestUser;
  admin: TestUser;
  caseworkerA: TestUser;
  caseworkerB: TestUser;
  partnerUser: TestUser;
  partners: [{ id: string }, { id: string }];
  /** w1 Noord (A, active), w2 Zuid (B, lapsed), w3 no wijk (A primary, B backup, active). */
  watches: Array<{ id: string; clientId: string }>;
  checkIns: Record<'onTime' | 'late' | 'missed' | 'open' | 'later' | 'cancelled', string>;
  reactivations: Record<'lapse' | 'referred' | 'open', string>;
  signals: Record<'answered' | 'waiting' | 'other', string>;
  /** Rows of another organisation, which no list may show. */
  other: { clientId: string; watchId: string; checkInId: string; reactivationId: string; signalId: string };
}

const at = (iso: string): Date => new Date(iso);

/**
 * An organisation (Europe/Amsterdam) with rows whose drill-down answers are known by hand; times near midnight
 * tell organisation days from UTC days. See list-drill-down.e2e-spec for the expected ids.
 */
export async function createDrillDownScenario(db: DataSource): Promise<DrillDownScenario> {
  const org = (await createOrganisation(db)).id;
  const [coordinator, admin, caseworkerA, caseworkerB] = await Promise.all([
    createUser(db, org, { role: 'coordinator' }),
    createUser(db, org, { role: 'admin' }),
    createUser(db, org, { role: 'caseworker' }),
    createUser(db, org, { role: 'caseworker' }),
  ]);
  const A = caseworkerA.id;
  const B = caseworkerB.id;
  const hoods = ['Noord', 'Zuid', null];
  const watches: Array<{ id: string; clientId: string }> = [];
  for (const [i, hood] of hoods.entries()) {
    const client = await createClient(db, org, coordinator.id, {
      neighbourhood: hood,
      name: `Inwoner ${i + 1}`,
    });
    const watch = await createWatch(db, org, client.id, i === 1 ? B : A, {
      status: i === 1 ? 'lapsed' : 'active',
      backupCaseworkerId: i === 2 ? B : null,
    });
    watches.push({ id: watch.id, clientId: client.id });
  }
  const [w1, w2, w3] = watches;

  // Lapses: w2 at 00:30 on 2 March in Amsterdam (still 1 March in UTC); w1 on 20 March.
  await createWatchEvent(db, org, w2.id, 'lapsed', at('2026-03-01T23:30:00Z'));
  await createWatchEvent(db, org, w1.id, 'lapsed', at('2026-03-20T10:00:00Z'));
  await createWatchEvent(db, org, w3.id, 'paused', at('2026-03-10T10:00:00Z'));

  const checkIns = {
    onTime: (
      await createDoneCheckIn(db, org, w1.id, A, {
        dueDate: '2026-03-12',
        completedAt: at('2026-03-12T22:30:00Z'),
      })
    ).id,
    // 23:30 UTC on the due date is 00:30 the next day in Amsterdam: late.
    late: (
      await createDoneCheckIn(db, org, w1.id, A, {
        dueDate: '2026-03-05',
        completedAt: at('2026-03-05T23:30:00Z'),
      })
    ).id,
    missed: (await createMissedCheckIn(db, org, w2.id, B, '2026-03-09')).id,
    open: (await createCheckIn(db, org, w3.id, A, { dueDate: '2026-03-20' })).id,
    later: (await createCheckIn(db, org, w2.id, B, { dueDate: '2026-04-02' })).id,
    cancelled: (await createCheckIn(db, org, w1.id, A, { dueDate: '2026-03-15', status: 'cancelled' })).id,
  };

  const reactivations = {
    // Opened 1 March 23:30 UTC = 2 March in Amsterdam; first contact after the deadline; back to the watch.
    lapse: (
      await createReactivationRequest(
        db,
        org,
        { ...w2, assigneeId: B },
        {
          createdAt: at('2026-03-01T23:30:00Z'),
          sources: ['lapse'],
          slaHours: 4,
          acceptedAfterHours: 1,
          contactedAfterHours: 6,
          resolution: 'back_to_watch',
        },
      )
    ).id,
    referred: (
      await createReactivationRequest(
        db,
        org,
        { ...w1, assigneeId: A },
        {
          createdAt: at('2026-02-20T09:00:00Z'),
          sources: ['partner_signal', 'caseworker'],
          slaHours: 16,
          acceptedAfterHours: 1,
          contactedAfterHours: 2,
          resolution: 'referred',
        },
      )
    ).id,
    // Still open long past its deadline: breached.
    open: (
      await createReactivationRequest(
        db,
        org,
        { ...w3, assigneeId: A },
        {
          createdAt: at('2026-03-25T09:00:00Z'),
          sources: ['client'],
          slaHours: 4,
        },
      )
    ).id,
  };

  const p1 = await createPartnerUser(db, org);
  const p2 = await createPartnerUser(db, org);
  const signals = {
    // 4 March 23:30 UTC = 5 March in Amsterdam.
    answered: (
      await createPartnerSignal(
        db,
        org,
        { id: p1.partner.id, reporterId: p1.user.id },
        {
          receivedAt: at('2026-03-04T23:30:00Z'),
          category: 'nuisance',
          feedbackAfterHours: 2,
          clientId: w1.clientId,
        },
      )
    ).id,
    waiting: (
      await createPartnerSignal(
        db,
        org,
        { id: p1.partner.id, reporterId: p1.user.id },
        {
          receivedAt: at('2026-03-20T10:00:00Z'),
          category: 'rent_arrears',
        },
      )
    ).id,
    other: (
      await createPartnerSignal(
        db,
        org,
        { id: p2.partner.id, reporterId: p2.user.id },
        {
          receivedAt: at('2026-02-10T10:00:00Z'),
          category: 'safety',
        },
      )
    ).id,
  };

  return {
    organisationId: org,
    coordinator,
    admin,
    caseworkerA,
    caseworkerB,
    partnerUser: p1.user,
    partners: [p1.partner, p2.partner],
    watches,
    checkIns,
    reactivations,
    signals,
    other: await createOtherOrganisationRows(db),
  };
}

/** One of everything in another organisation (in the same wijk and period): it must never show. */
async function createOtherOrganisationRows(db: DataSource): Promise<DrillDownScenario['other']> {
  const org = (await createOrganisation(db)).id;
  const [coordinator, caseworker] = await Promise.all([
    createUser(db, org, { role: 'coordinator' }),
    createUser(db, org, { role: 'caseworker' }),
  ]);
  const client = await createClient(db, org, coordinator.id, { neighbourhood: 'Noord' });
  const watch = await createWatch(db, org, client.id, caseworker.id, { status: 'lapsed' });
  await createWatchEvent(db, org, watch.id, 'lapsed', at('2026-03-10T10:00:00Z'));
  const checkIn = await createMissedCheckIn(db, org, watch.id, caseworker.id, '2026-03-09');
  const request = await createReactivationRequest(
    db,
    org,
    { id: watch.id, clientId: client.id, assigneeId: caseworker.id },
    {
      createdAt: at('2026-03-10T09:00:00Z'),
      sources: ['lapse'],
      slaHours: 4,
    },
  );
  const partner = await createPartnerUser(db, org);
  const signal = await createPartnerSignal(
    db,
    org,
    { id: partner.partner.id, reporterId: partner.user.id },
    {
      receivedAt: at('2026-03-10T10:00:00Z'),
      category: 'nuisance',
    },
  );
  return {
    clientId: client.id,
    watchId: watch.id,
    checkInId: checkIn.id,
    reactivationId: request.id,
    signalId: signal.id,
  };
}

/** `count` clients in one statement (for big exports), named `Massa 00001`…; returns nothing (ids by query). */
export async function createManyClients(
  db: DataSource,
  organisationId: string,
  recordedBy: string,
  count: number,
): Promise<void> {
  await db.query(
    `INSERT INTO clients (organisation_id, reference, name, preferred_channel, postcode, house_number, legal_basis,
       consent_email_reminders, consent_recorded_by)
     SELECT $1::uuid, 'MASS-' || lpad(i::text, 6, '0') || '-' || substr(md5($1::uuid::text), 1, 6),
            'Massa ' || lpad(i::text, 6, '0'), 'phone', '1234AB', '1', 'consent', false, $2
     FROM generate_series(1, $3::int) AS i`,
    [organisationId, recordedBy, count],
  );
}

/** The export events of an organisation's audit log, oldest first. */
export async function auditEventsOf(
  db: DataSource,
  organisationId: string,
): Promise<
  Array<{
    action: string;
    outcome: string;
    user_id: string;
    role: string;
    resource: string;
    client_ids: string[];
    ip: string | null;
    user_agent: string | null;
    source: string;
    details: { filters?: Record<string, unknown>; rows: number; error?: string };
  }>
> {
  return db.query(
    `SELECT action, outcome, user_id, role, resource, client_ids, ip, user_agent, source, details
     FROM audit_events WHERE organisation_id = $1 AND action = 'export' ORDER BY seq`,
    [organisationId],
  );
}
