import { randomUUID } from 'node:crypto';
import type { ReactivationResolution, ReactivationSource, SignalCategory } from '@waakvlam/contracts';
import type { WorkingCalendar } from '@waakvlam/schedule';
import { addDays } from '../check-ins/check-in-views.util';
import type { DemoCaseload } from './demo-caseload.util';

/** The demo partner: its organisation and the account that files its signals. */
export interface DemoPartner {
  partnerOrganisationId: string;
  reporterId: string;
}

export interface DemoActivity {
  requests: Array<Record<string, unknown>>;
  reasons: Array<Record<string, unknown>>;
  signals: Array<Record<string, unknown>>;
  feedback: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
}

const HOUR_MS = 3_600_000;
const plusHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

const PAST_SOURCES: readonly ReactivationSource[] = ['caseworker', 'client', 'partner_signal', 'coordinator'];
const RESOLUTIONS: readonly ReactivationResolution[] = [
  'back_to_watch',
  'support_resumed',
  'back_to_watch',
  'referred',
];
const REASONS: Record<ReactivationSource, string> = {
  caseworker: 'Zorgen na het laatste contact: post stapelt zich op.',
  client: 'Inwoner vroeg zelf om contact via de link in de e-mail.',
  partner_signal: 'Woonstichting meldt een huurachterstand.',
  coordinator: 'Afgesproken in het wijkoverleg.',
  lapse: 'Twee contactmomenten niet bereikt.',
};
const CATEGORIES: readonly SignalCategory[] = [
  'rent_arrears',
  'nuisance',
  'neglect',
  'isolation',
  'rent_arrears',
  'other',
];
const FORWARDED =
  'Bedankt voor uw signaal. We hebben het bekeken en doorgegeven aan een organisatie die hierbij kan helpen.';
const HANDLED = 'We hebben uw signaal afgehandeld. Bedankt dat u het aan ons doorgaf.';

/**
 * What happened around the demo caseload in the last weeks, so the coordinator's dashboard has something to show:
 * reactivation requests (open ones for the lapsed watches, resolved ones in earlier weeks, from every source) and
 * the partner's signals with their feedback (two still waiting for it). Deterministic given `today`, except for
 * the generated ids.
 */
export function buildDemoActivity(
  today: string,
  calendar: WorkingCalendar,
  caseload: DemoCaseload,
  coordinatorId: string,
): DemoActivity {
  const out: DemoActivity = { requests: [], reasons: [], signals: [], feedback: [], events: [] };
  const at = (date: string, time: string): string => calendar.instantAt(date, time).toISOString();
  const watches = caseload.watches as Array<{
    id: string;
    client_id: string;
    status: string;
    primary_caseworker_id: string;
  }>;

  const request = (
    watch: (typeof watches)[number],
    source: ReactivationSource,
    created: string,
    steps: { accepted?: number; contacted?: number; resolution?: ReactivationResolution; slaHours: number },
  ): void => {
    const id = randomUUID();
    const accepted = steps.accepted === undefined ? null : plusHours(created, steps.accepted);
    const contacted = steps.contacted === undefined ? null : plusHours(created, steps.contacted);
    const resolved = steps.resolution ? plusHours(contacted ?? created, 48) : null;
    out.requests.push({
      id,
      watch_id: watch.id,
      client_id: watch.client_id,
      status: resolved ? 'resolved' : contacted ? 'contacted' : accepted ? 'accepted' : 'open',
      resolution: steps.resolution ?? null,
      urgency: source === 'client' ? 'urgent' : 'normal',
      assignee_id: watch.primary_caseworker_id,
      sources: [source],
      created_by:
        source === 'caseworker'
          ? watch.primary_caseworker_id
          : source === 'coordinator'
            ? coordinatorId
            : null,
      created_at: created,
      accepted_at: accepted,
      accepted_by: accepted ? watch.primary_caseworker_id : null,
      contacted_at: contacted,
      resolved_at: resolved,
      sla_due_at: plusHours(created, steps.slaHours),
    });
    out.reasons.push({
      request_id: id,
      source,
      urgency: source === 'client' ? 'urgent' : 'normal',
      reason: REASONS[source],
      created_at: created,
    });
    if (accepted)
      out.events.push({
        watch_id: watch.id,
        type: 'reactivated',
        actor_id: watch.primary_caseworker_id,
        at: accepted,
      });
    if (resolved && steps.resolution === 'back_to_watch')
      out.events.push({
        watch_id: watch.id,
        type: 'stepped_down',
        actor_id: watch.primary_caseworker_id,
        at: resolved,
      });
  };

  // The lapsed watches wait for someone to pick them up (the lapse was 3 days ago).
  for (const watch of watches.filter((w) => w.status === 'lapsed'))
    request(watch, 'lapse', at(addDays(today, -3), '16:05'), { slaHours: 40 });
  // Earlier weeks: one request a week on an active watch, picked up and closed again.
  const active = watches.filter((w) => w.status === 'active');
  for (let week = 1; week <= 10; week++) {
    const watch = active[(week * 5) % active.length];
    const source = PAST_SOURCES[week % PAST_SOURCES.length];
    const created = at(calendar.nextWorkingDay(addDays(today, -(7 * week + 2))), '10:00');
    request(watch, source, created, {
      accepted: 1 + (week % 4),
      contacted: week % 3 === 0 ? 30 : 4 + week,
      resolution: RESOLUTIONS[week % RESOLUTIONS.length],
      slaHours: source === 'client' ? 4 : 16,
    });
  }

  // The partner's signals: one about every 9 days, answered within hours to days; the last two still wait.
  const clients = caseload.clients as Array<{ postcode: string; house_number: string }>;
  for (let n = 0; n < 10; n++) {
    const id = randomUUID();
    const received = at(addDays(today, n < 2 ? -n : -(9 * n)), '11:30');
    const address = clients[(n * 7) % clients.length];
    const answered = n >= 2;
    const triaged = answered ? plusHours(received, 2 + ((n * 5) % 40)) : null;
    const handled = answered && n % 2 === 0 ? plusHours(triaged as string, 24) : null;
    out.signals.push({
      id,
      postcode: address.postcode,
      house_number: address.house_number,
      category: CATEGORIES[n % CATEGORIES.length],
      description: 'Bewoner reageert niet meer op brieven; buren maken zich zorgen.',
      observed_on: received.slice(0, 10),
      status: handled ? 'handled' : triaged ? 'triaged' : 'received',
      triage_decision: triaged ? (n % 3 === 0 ? 'no_action' : 'forwarded') : null,
      triage_reason: triaged ? 'Bekend bij het team; in overleg opgepakt.' : null,
      triaged_by: triaged ? coordinatorId : null,
      triaged_at: triaged,
      handled_by: handled ? coordinatorId : null,
      handled_at: handled,
      received_at: received,
      first_feedback_at: triaged,
      updated_at: handled ?? triaged ?? received,
    });
    if (triaged)
      out.feedback.push({
        signal_id: id,
        status: 'triaged',
        text: FORWARDED,
        created_by: coordinatorId,
        created_at: triaged,
      });
    if (handled)
      out.feedback.push({
        signal_id: id,
        status: 'handled',
        text: HANDLED,
        created_by: coordinatorId,
        created_at: handled,
      });
  }
  return out;
}
