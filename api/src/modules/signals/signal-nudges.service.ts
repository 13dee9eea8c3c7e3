import { Injectable } from '@nestjs/common';
import type { Locale, SignalCategory } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { firstName, formatDate } from '../reminders/reminder-format.util';
import { SIGNAL_CATEGORY_LABELS } from './signal-labels.util';
import { TemplateRenderer } from '../../core/mail/template-renderer.util';

interface NudgeRow {
  signal_id: string;
  organisation_id: string;
  category: SignalCategory;
  received_at: Date;
  partner_name: string;
  time_zone: string;
  extra_days_off: string[];
  discreet_sender_name: string | null;
  coordinator_id: string;
  email: string;
  display_name: string;
  locale: Locale;
}

/**
 * The nudge when a signal has had no feedback for 2 working days: an e-mail to every active coordinator of its
 * organisation (one per signal and coordinator, however often it runs). Signals that got feedback meanwhile are
 * left alone.
 */
@Injectable()
export class SignalNudgesService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly calendars: OrganisationCalendars,
    private readonly templates: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /** Writes the nudges of these signals in the caller's transaction; returns the new notification ids. */
  async remind(tx: EntityManager, signalIds: readonly string[]): Promise<string[]> {
    if (signalIds.length === 0) return [];
    const rows: NudgeRow[] = await tx.query(
      `SELECT s.id AS signal_id, s.organisation_id, s.category, s.received_at, p.name AS partner_name,
              o.time_zone, o.extra_days_off::text[] AS extra_days_off, o.discreet_sender_name,
              u.id AS coordinator_id, u.email, u.display_name, u.locale
       FROM signals s
       JOIN organisations o ON o.id = s.organisation_id
       JOIN partner_organisations p ON p.id = s.partner_organisation_id
       JOIN users u ON u.organisation_id = s.organisation_id AND u.role = 'coordinator' AND u.active
       WHERE s.id = ANY($1::uuid[]) AND s.status = 'received' AND s.first_feedback_at IS NULL
       ORDER BY s.organisation_id, s.id, u.id`,
      [signalIds],
    );
    const byOrganisation = new Map<string, NudgeRow[]>();
    for (const row of rows)
      byOrganisation.set(row.organisation_id, [...(byOrganisation.get(row.organisation_id) ?? []), row]);

    const ids: string[] = [];
    for (const [organisationId, nudges] of byOrganisation) {
      ids.push(
        ...(await this.notifications.write(
          tx,
          organisationId,
          nudges.map((n) => {
            const calendar = this.calendars.calendar(n.time_zone, n.extra_days_off);
            const mail = this.templates.render(n.locale, 'partner-signal-feedback-due', {
              name: firstName(n.display_name),
              partner: n.partner_name,
              receivedOn: formatDate(n.locale, calendar.today(n.received_at)),
              category: SIGNAL_CATEGORY_LABELS[n.locale][n.category],
              url: `${this.config.publicUrl}/signalen/${n.signal_id}`,
            });
            return {
              idempotencyKey: `signal-feedback-due-${n.signal_id}-${n.coordinator_id}`,
              recipient: n.email,
              ...mail,
              locale: n.locale,
              senderName: n.discreet_sender_name,
            };
          }),
        )),
      );
    }
    return ids;
  }
}
