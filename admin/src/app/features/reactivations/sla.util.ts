import type { ReactivationRequest } from '@waakvlam/contracts';
import type { Message } from '../../shared/forms/form-messages';

const MINUTE_MS = 60_000;
const HOUR_MIN = 60;
const DAY_MIN = 24 * HOUR_MIN;

/** Where a request stands against its first-contact deadline. */
export interface SlaState {
  /** running: no first contact yet, deadline ahead; overdue: no first contact, deadline passed; met / missed:
   * the first contact was made in / after time; stopped: cancelled without contact. */
  kind: 'running' | 'overdue' | 'met' | 'missed' | 'stopped';
  /** Red: the deadline was or is being missed. */
  breached: boolean;
  /** Translation key of the text; its `{{time}}` is `time`, translated. */
  key: string;
  time: Message | null;
}

/** A duration as "2 d 3 u", "3 u 20 min" or "12 min" (rounded to whole minutes, at least 1). */
export function durationMessage(ms: number): Message {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE_MS));
  if (minutes >= DAY_MIN) {
    return {
      key: 'duration.daysHours',
      params: { days: Math.floor(minutes / DAY_MIN), hours: Math.floor((minutes % DAY_MIN) / HOUR_MIN) },
    };
  }
  if (minutes >= HOUR_MIN) {
    return {
      key: 'duration.hoursMinutes',
      params: { hours: Math.floor(minutes / HOUR_MIN), minutes: minutes % HOUR_MIN },
    };
  }
  return { key: 'duration.minutes', params: { minutes } };
}

/**
 * The SLA countdown of a request at `now`: time left until `slaDueAt` while nobody has made contact, time over
 * once it passed; after the first contact, whether it was in time.
 */
export function slaState(
  request: Pick<ReactivationRequest, 'status' | 'slaDueAt' | 'slaBreached' | 'contactedAt'>,
  now: number,
): SlaState {
  const contacted =
    request.contactedAt !== null || request.status === 'contacted' || request.status === 'resolved';
  if (contacted) {
    return request.slaBreached
      ? { kind: 'missed', breached: true, key: 'reactivations.sla.missed', time: null }
      : { kind: 'met', breached: false, key: 'reactivations.sla.met', time: null };
  }
  if (request.status === 'cancelled') {
    return { kind: 'stopped', breached: false, key: 'reactivations.sla.stopped', time: null };
  }
  const due = Date.parse(request.slaDueAt);
  const left = due - now;
  if (Number.isNaN(due)) {
    return { kind: 'running', breached: request.slaBreached, key: 'common.unknown', time: null };
  }
  if (left >= 0 && !request.slaBreached) {
    return { kind: 'running', breached: false, key: 'reactivations.sla.left', time: durationMessage(left) };
  }
  return { kind: 'overdue', breached: true, key: 'reactivations.sla.overdue', time: durationMessage(left) };
}
