import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@waakvlam/schedule';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { firstLadderStep } from '../check-ins/check-in-ladder.util';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { TimersService } from '../scheduling/timers.service';
import { buildDemoActivity, type DemoActivity, type DemoPartner } from './demo-activity.util';
import { buildDemoCaseload, type DemoStaff } from './demo-caseload.util';

/** Inserts the demo residents, watches, check-ins, their timers and timeline: one statement per table. */
@Injectable()
export class DemoCaseloadSeeder {
  constructor(
    private readonly config: AppConfig,
    private readonly timers: TimersService,
    private readonly digests: DigestSchedulerService,
  ) {}

  /**
   * Returns the number of residents. `now` decides what is overdue, due today and later. With a partner, the last
   * weeks' reactivation requests and the partner's signals are seeded too (the dashboard's history).
   */
  async seed(
    tx: EntityManager,
    organisationId: string,
    staff: DemoStaff,
    now = new Date(),
    partner?: DemoPartner,
  ): Promise<number> {
    const calendar = new WorkingCalendar({ timeZone: this.config.defaultTimeZone });
    const caseload = buildDemoCaseload(calendar.today(now), calendar, staff);
    const activity = partner
      ? buildDemoActivity(calendar.today(now), calendar, caseload, staff.coordinatorId)
      : null;
    const json = (rows: unknown[]): string => JSON.stringify(rows);
    await tx.query(
      `INSERT INTO clients (id, organisation_id, reference, name, email, phone, preferred_channel, postcode, house_number,
         neighbourhood, date_of_birth, legal_basis, consent_email_reminders, consent_recorded_by)
       SELECT r.id, $1, r.reference, r.name, r.email, r.phone, r.preferred_channel, r.postcode, r.house_number,
              r.neighbourhood, r.date_of_birth, r.legal_basis, r.consent_email_reminders, r.consent_recorded_by
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, reference text, name text, email text, phone text,
         preferred_channel text, postcode text, house_number text, neighbourhood text, date_of_birth date,
         legal_basis text, consent_email_reminders boolean, consent_recorded_by uuid)`,
      [organisationId, json(caseload.clients)],
    );
    await tx.query(
      `INSERT INTO watches (id, organisation_id, client_id, status, primary_caseworker_id, backup_caseworker_id,
         interval_days, min_interval_days, max_interval_days, contact_mode, agreements, signaleringsplan, start_date,
         review_date, ended_at, end_reason, cadence_changed_at, created_at)
       SELECT r.id, $1, r.client_id, r.status, r.primary_caseworker_id, r.backup_caseworker_id, r.interval_days,
              r.min_interval_days, r.max_interval_days, r.contact_mode, r.agreements, $3::jsonb, r.start_date,
              r.review_date, r.ended_at, r.end_reason, r.created_at, r.created_at
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, client_id uuid, status text, primary_caseworker_id uuid,
         backup_caseworker_id uuid, interval_days int, min_interval_days int, max_interval_days int,
         contact_mode text, agreements text, start_date date, review_date date, ended_at timestamptz,
         end_reason text, created_at timestamptz)`,
      [
        organisationId,
        json(caseload.watches),
        JSON.stringify({
          green: { signs: 'Houdt afspraken aan, post wordt geopend.', actions: 'Contact volgens ritme.' },
          orange: { signs: 'Post stapelt zich op, trekt zich terug.', actions: 'Binnen een week op bezoek.' },
          red: { signs: 'Huurachterstand, niet meer bereikbaar.', actions: 'Direct heractiveren.' },
        }),
      ],
    );
    await tx.query(
      `INSERT INTO check_ins (id, organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status, outcome,
         channel, note, completed_at, completed_by, updated_at)
       SELECT r.id, $1, r.watch_id, r.caseworker_id, r.due_date, r.grace_ends_on, r.status, r.outcome, r.channel,
              r.note, r.completed_at, r.completed_by, COALESCE(r.completed_at, now())
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, watch_id uuid, caseworker_id uuid, due_date date,
         grace_ends_on date, status text, outcome text, channel text, note text, completed_at timestamptz,
         completed_by uuid)`,
      [organisationId, json(caseload.checkIns)],
    );
    await tx.query(
      `INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, reason, details, at)
       SELECT $1, r.watch_id, r.type, r.actor_id, r.reason, r.details, r.at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(watch_id uuid, type text, actor_id uuid, reason text, details jsonb, at timestamptz)
       ORDER BY r.at`,
      [organisationId, json(caseload.events)],
    );
    if (activity && partner) await this.seedActivity(tx, organisationId, activity, partner);
    // The planned check-ins' first timers and the caseworkers' digests, as the product plans them.
    const planned = caseload.checkIns
      .filter((c) => c['status'] === 'planned')
      .map((c) => c as { id: string; caseworker_id: string; due_date: string; grace_ends_on: string });
    await this.timers.schedule(
      tx,
      planned.map((c) => {
        const step = firstLadderStep(
          calendar,
          { dueDate: c.due_date, graceEndsOn: c.grace_ends_on, preNoticeWorkingDays: 2 },
          now,
        );
        return { organisationId, kind: step.kind, subjectId: c.id, fireAt: step.fireAt };
      }),
    );
    await this.digests.ensure(tx, organisationId, [...new Set(planned.map((c) => c.caseworker_id))], now);
    return caseload.clients.length;
  }

  /** Reactivation requests with their reasons and timeline events, signals with their feedback: one statement each. */
  private async seedActivity(
    tx: EntityManager,
    organisationId: string,
    activity: DemoActivity,
    partner: DemoPartner,
  ): Promise<void> {
    const json = (rows: unknown[]): string => JSON.stringify(rows);
    await tx.query(
      `INSERT INTO reactivation_requests (id, organisation_id, watch_id, client_id, status, resolution, urgency,
         assignee_id, sources, created_by, created_at, accepted_at, accepted_by, contacted_at, resolved_at,
         sla_due_at, updated_at)
       SELECT r.id, $1, r.watch_id, r.client_id, r.status, r.resolution, r.urgency, r.assignee_id, r.sources,
              r.created_by, r.created_at, r.accepted_at, r.accepted_by, r.contacted_at, r.resolved_at, r.sla_due_at,
              COALESCE(r.resolved_at, r.contacted_at, r.accepted_at, r.created_at)
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, watch_id uuid, client_id uuid, status text, resolution text,
         urgency text, assignee_id uuid, sources text[], created_by uuid, created_at timestamptz,
         accepted_at timestamptz, accepted_by uuid, contacted_at timestamptz, resolved_at timestamptz,
         sla_due_at timestamptz)`,
      [organisationId, json(activity.requests)],
    );
    await tx.query(
      `INSERT INTO reactivation_reasons (organisation_id, request_id, source, urgency, reason, created_at)
       SELECT $1, r.request_id, r.source, r.urgency, r.reason, r.created_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(request_id uuid, source text, urgency text, reason text, created_at timestamptz)`,
      [organisationId, json(activity.reasons)],
    );
    await tx.query(
      `INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, at)
       SELECT $1, r.watch_id, r.type, r.actor_id, r.at
       FROM jsonb_to_recordset($2::jsonb) AS r(watch_id uuid, type text, actor_id uuid, at timestamptz)
       ORDER BY r.at`,
      [organisationId, json(activity.events)],
    );
    await tx.query(
      `INSERT INTO signals (id, organisation_id, partner_organisation_id, reported_by_user_id, postcode, house_number,
         category, description, observed_on, status, triage_decision, triage_reason, triaged_by, triaged_at,
         handled_by, handled_at, received_at, first_feedback_at, updated_at)
       SELECT r.id, $1, $3, $4, r.postcode, r.house_number, r.category, r.description, r.observed_on, r.status,
              r.triage_decision, r.triage_reason, r.triaged_by, r.triaged_at, r.handled_by, r.handled_at,
              r.received_at, r.first_feedback_at, r.updated_at
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, postcode text, house_number text, category text,
         description text, observed_on date, status text, triage_decision text, triage_reason text, triaged_by uuid,
         triaged_at timestamptz, handled_by uuid, handled_at timestamptz, received_at timestamptz,
         first_feedback_at timestamptz, updated_at timestamptz)`,
      [organisationId, json(activity.signals), partner.partnerOrganisationId, partner.reporterId],
    );
    await tx.query(
      `INSERT INTO signal_feedback (organisation_id, signal_id, status, text, created_by, created_at)
       SELECT $1, r.signal_id, r.status, r.text, r.created_by, r.created_at
       FROM jsonb_to_recordset($2::jsonb)
         AS r(signal_id uuid, status text, text text, created_by uuid, created_at timestamptz)`,
      [organisationId, json(activity.feedback)],
    );
  }
}
