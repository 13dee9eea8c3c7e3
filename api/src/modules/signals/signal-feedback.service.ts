import { Injectable } from '@nestjs/common';
import type { Locale, SignalCategory } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { firstName, formatDate } from '../reminders/reminder-format.util';
import { TimersService } from '../scheduling/timers.service';
import { SIGNAL_CATEGORY_LABELS } from './signal-labels.util';
import { TemplateRenderer, type TemplateName } from '../../core/mail/template-renderer.util';

/** A status change that the partner hears about. */
export type FeedbackStatus = 'triaged' | 'handled';

interface Recipient {
  organisation_id: string;
  category: SignalCategory;
  received_at: Date;
  organisation_name: string;
  discreet_sender_name: string | null;
  time_zone: string;
  extra_days_off: string[];
  partner_name: string;
  /** The reporting partner user, while it is an active user of the same partner organisation. */
  user_email: string | null;
  user_name: string | null;
  user_locale: Locale | null;
  /** For a signal filed with an API key: the key's feedback address. */
  key_feedback_email: string | null;
}

/**
 * Feedback to the reporter (terugkoppeling): with every status change, one feedback row written for the partner
 * and one e-mail to the partner user who filed the signal (or a partner system's feedback address), in the caller's
 * transaction. The first feedback ends the wait: the signal's nudge timer is cancelled.
 */
@Injectable()
export class SignalFeedbackService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly timers: TimersService,
    private readonly calendars: OrganisationCalendars,
    private readonly templates: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writes the feedback (the given text, else the standard text) and its e-mail; returns the new notification ids
   * to dispatch after commit. Call it after the status change, with the signal locked.
   */
  async give(
    tx: EntityManager,
    change: {
      signalId: string;
      status: FeedbackStatus;
      text: string | undefined;
      standardText: TemplateName;
      actorId: string;
    },
    now: Date,
  ): Promise<string[]> {
    const [to]: Recipient[] = await tx.query(
      `SELECT s.organisation_id, s.category, s.received_at, o.name AS organisation_name, o.discreet_sender_name,
              o.time_zone, o.extra_days_off::text[] AS extra_days_off, p.name AS partner_name,
              CASE WHEN u.active AND u.role = 'partner' AND u.partner_organisation_id = s.partner_organisation_id
                   THEN u.email END AS user_email,
              u.display_name AS user_name, u.locale AS user_locale, k.feedback_email AS key_feedback_email
       FROM signals s
       JOIN organisations o ON o.id = s.organisation_id
       JOIN partner_organisations p ON p.id = s.partner_organisation_id
       LEFT JOIN users u ON u.id = s.reported_by_user_id
       LEFT JOIN partner_api_keys k ON k.id = s.reported_via_key_id
       WHERE s.id = $1`,
      [change.signalId],
    );
    const locale: Locale = to.user_locale ?? 'nl';
    const text = change.text?.trim() || this.templates.render(locale, change.standardText, {}).text.trim();
    await tx.query(
      `INSERT INTO signal_feedback (organisation_id, signal_id, status, text, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [to.organisation_id, change.signalId, change.status, text, change.actorId, now],
    );
    await tx.query(
      `UPDATE signals SET first_feedback_at = coalesce(first_feedback_at, $2), updated_at = $2 WHERE id = $1`,
      [change.signalId, now],
    );
    await this.timers.cancelForSubjects(tx, [change.signalId]);

    const address = to.user_email ?? to.key_feedback_email;
    if (!address) return [];
    const calendar = this.calendars.calendar(to.time_zone, to.extra_days_off);
    const mail = this.templates.render(locale, `partner-signal-${change.status}`, {
      name: to.user_email && to.user_name ? firstName(to.user_name) : to.partner_name,
      receivedOn: formatDate(locale, calendar.today(to.received_at)),
      category: SIGNAL_CATEGORY_LABELS[locale][to.category],
      feedback: text,
      url: `${this.config.publicUrl}/mijn-signalen/${change.signalId}`,
      sender: to.discreet_sender_name ?? to.organisation_name,
    });
    return this.notifications.write(tx, to.organisation_id, [
      {
        idempotencyKey: `signal-${change.status}-${change.signalId}`,
        recipient: address,
        ...mail,
        locale,
        senderName: to.discreet_sender_name,
      },
    ]);
  }
}
