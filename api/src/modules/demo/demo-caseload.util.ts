import { randomUUID } from 'node:crypto';
import type {
  CheckInOutcome,
  ContactMode,
  WatchEndReason,
  WatchEventType,
  WatchStatus,
} from '@waakvlam/contracts';
import type { WorkingCalendar } from '@waakvlam/schedule';
import { addDays } from '../check-ins/check-in-views.util';
import { FIRST_NAMES, NEIGHBOURHOODS, SURNAMES } from './demo-names.util';

export const DEMO_RESIDENTS = 60;

export interface DemoStaff {
  coordinatorId: string;
  caseworkerIds: readonly [string, string, string];
}

export interface DemoCaseload {
  clients: Array<Record<string, unknown>>;
  watches: Array<Record<string, unknown>>;
  checkIns: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
}

/** mulberry32: a small deterministic PRNG, so the same seed date gives the same caseload. */
function prng(seed: string): () => number {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` working days before `date`. */
function previousWorkingDay(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/** Mostly active; some paused, lapsed and ended. */
const statusOf = (i: number): WatchStatus =>
  i % 10 === 7 ? 'paused' : i % 12 === 5 ? 'lapsed' : i % 10 === 9 ? 'ended' : 'active';

/**
 * The demo organisation's residents, watches, check-ins and timeline, relative to `today` (the day the seed
 * runs). Deterministic given `today`, except for the generated ids.
 */
export function buildDemoCaseload(today: string, calendar: WorkingCalendar, staff: DemoStaff): DemoCaseload {
  const random = prng(today);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = (date: string, time = '10:00'): string => calendar.instantAt(date, time).toISOString();
  const out: DemoCaseload = { clients: [], watches: [], checkIns: [], events: [] };
  let activeSeen = 0;

  for (let i = 0; i < DEMO_RESIDENTS; i++) {
    const clientId = randomUUID();
    const watchId = randomUUID();
    const hood = pick(NEIGHBOURHOODS);
    const letters = String.fromCharCode(65 + Math.floor(random() * 26), 65 + Math.floor(random() * 26));
    out.clients.push({
      id: clientId,
      reference: `WV-${String(2024001 + i * 7)}`,
      name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${pick(SURNAMES)}`,
      phone: `06${String(10000000 + Math.floor(random() * 89999999))}`,
      email: i % 3 === 0 ? `bewoner${i + 1}@example.nl` : null,
      preferred_channel: i % 3 === 0 ? 'email' : pick(['phone', 'phone', 'visit', 'sms']),
      postcode: `${pick(hood.postcodes)}${letters === 'SS' || letters === 'SD' || letters === 'SA' ? 'AB' : letters}`,
      house_number: String(1 + Math.floor(random() * 180)),
      neighbourhood: hood.name,
      date_of_birth: addDays('1990-01-01', -Math.floor(random() * 20000)),
      legal_basis: i % 4 === 0 ? 'wmo_task' : 'consent',
      consent_email_reminders: i % 3 === 0,
      consent_recorded_by: staff.coordinatorId,
    });

    const status = statusOf(i);
    const interval = pick([14, 14, 21, 28, 28, 42]);
    const startDate = addDays(today, -(60 + Math.floor(random() * 300)));
    const endedOn = addDays(today, -(5 + Math.floor(random() * 40)));
    const mode: ContactMode = pick(['phone', 'phone', 'visit', 'message']);
    const endReason: WatchEndReason = pick(['support_no_longer_needed', 'moved_away', 'client_declined']);
    const primary = staff.caseworkerIds[i % 3];
    out.watches.push({
      id: watchId,
      client_id: clientId,
      status,
      primary_caseworker_id: primary,
      backup_caseworker_id: i % 2 === 0 ? staff.caseworkerIds[(i + 1) % 3] : null,
      interval_days: interval,
      min_interval_days: Math.max(7, Math.round(interval / 2)),
      max_interval_days: Math.min(90, interval * 2),
      contact_mode: mode,
      agreements: 'Contact volgens afspraak; bij zorgen direct de begeleider bellen.',
      start_date: startDate,
      review_date: calendar.addMonths(startDate, 12),
      ended_at: status === 'ended' ? at(endedOn, '15:00') : null,
      end_reason: status === 'ended' ? endReason : null,
      created_at: at(startDate, '09:00'),
    });
    const event = (type: WatchEventType, date: string, extra: Record<string, unknown> = {}): void => {
      out.events.push({
        watch_id: watchId,
        type,
        actor_id: staff.coordinatorId,
        reason: null,
        details: {},
        at: at(date, '16:00'),
        ...extra,
      });
    };
    event('created', startDate, { details: { intervalDays: interval } });

    // History: done check-ins with outcomes; a lapsed watch ends in missed ones.
    const past = 2 + Math.floor(random() * 3);
    for (let k = past; k >= 1; k--) {
      const date = calendar.nextWorkingDay(addDays(today, -(k * interval + 3)));
      if (date < startDate) continue;
      const missed = status === 'lapsed' && k <= 2;
      const outcome: CheckInOutcome = pick(['well', 'well', 'well', 'concern', 'not_reached', 'well']);
      out.checkIns.push({
        id: randomUUID(),
        watch_id: watchId,
        caseworker_id: primary,
        due_date: date,
        grace_ends_on: calendar.addWorkingDays(date, 3),
        status: missed ? 'missed' : 'done',
        outcome: missed ? null : outcome,
        channel: missed ? null : mode,
        note: missed ? null : outcome === 'concern' ? 'Maakt zich zorgen over de huur.' : null,
        // Most are recorded on the day; about one in six a few days late.
        completed_at: missed
          ? null
          : at(random() < 0.17 ? addDays(date, 1 + Math.floor(random() * 3)) : date, '11:00'),
        completed_by: missed ? null : primary,
      });
      if (missed) event('check_in_missed', calendar.addWorkingDays(date, 4), { actor_id: null });
      else event('check_in_completed', date, { actor_id: primary, details: { outcome } });
    }
    if (status === 'paused') event('paused', addDays(today, -7), { reason: 'Opname in ziekenhuis' });
    if (status === 'lapsed')
      event('lapsed', addDays(today, -3), { actor_id: null, reason: 'Twee keer niet bereikt' });
    if (status === 'ended') event('ended', endedOn, { reason: endReason });

    if (status === 'active') {
      // Spread the next check-ins: overdue (within the grace period), today, and later.
      const slot = activeSeen++ % 6;
      const dueDate =
        slot === 0
          ? previousWorkingDay(calendar, today, 1 + Math.floor(random() * 2))
          : slot <= 2
            ? today
            : calendar.nextDueDate(today, 1 + Math.floor(random() * interval));
      out.checkIns.push({
        id: randomUUID(),
        watch_id: watchId,
        caseworker_id: primary,
        due_date: dueDate,
        grace_ends_on: calendar.addWorkingDays(dueDate, 3),
        status: 'planned',
        outcome: null,
        channel: null,
        note: null,
        completed_at: null,
        completed_by: null,
      });
    }
  }
  return out;
}
