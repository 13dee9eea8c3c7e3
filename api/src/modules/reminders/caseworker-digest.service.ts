import { Injectable } from '@nestjs/common';
import type { Locale } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { NotificationsService } from '../notifications/notifications.service';
import { DigestSchedulerService } from './digest-scheduler.service';
import { firstName } from './reminder-format.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { TemplateRenderer } from '../../core/mail/template-renderer.util';

/** The digest timer that fired: whose digest, and when it was due. */
export interface DigestDue {
  organisationId: string;
  userId: string;
  fireAt: Date;
}

interface DigestRecipient {
  email: string;
  display_name: string;
  locale: Locale;
  discreet_sender_name: string | null;
  /** Still primary or backup caseworker of a watch that is not ended. */
  has_open_watches: boolean;
}

/**
 * The caseworker's morning digest: how many planned check-ins are due today and how many are overdue, with a link
 * to the "Vandaag" page. Sent only when there is something due or overdue (an empty digest is noise); the next
 * digest is scheduled either way, as long as the user is an active caseworker with open watches.
 */
@Injectable()
export class CaseworkerDigestService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly scheduler: DigestSchedulerService,
    private readonly calendars: OrganisationCalendars,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /** Writes the digest (one per caseworker and day) and schedules the next; returns the new notification ids. */
  async send(tx: EntityManager, due: DigestDue, now: Date): Promise<string[]> {
    const [recipient]: DigestRecipient[] = await tx.query(
      `SELECT u.email, u.display_name, u.locale, o.discreet_sender_name,
         EXISTS (SELECT 1 FROM watches w
                 WHERE w.organisation_id = u.organisation_id AND w.status <> 'ended'
                   AND (w.primary_caseworker_id = u.id OR w.backup_caseworker_id = u.id)) AS has_open_watches
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       WHERE u.id = $1 AND u.organisation_id = $2 AND u.role = 'caseworker' AND u.active`,
      [due.userId, due.organisationId],
    );
    if (!recipient) return [];

    // Never before the moment it was due: a job run early (clock skew) still counts that day, and the next
    // digest is always a later one.
    const at = now > due.fireAt ? now : due.fireAt;
    const calendar = await this.calendars.forOrganisation(due.organisationId, tx);
    const today = calendar.today(at);
    const [counts]: Array<{ due_today: number; overdue: number }> = await tx.query(
      `SELECT count(*) FILTER (WHERE due_date = $3::date)::int AS due_today,
              count(*) FILTER (WHERE due_date < $3::date)::int AS overdue
       FROM check_ins
       WHERE caseworker_id = $1 AND organisation_id = $2 AND status = 'planned' AND due_date <= $3::date`,
      [due.userId, due.organisationId, today],
    );

    let ids: string[] = [];
    if (counts.due_today > 0 || counts.overdue > 0) {
      const mail = this.renderer.render(recipient.locale, 'caseworker-digest', {
        name: firstName(recipient.display_name),
        dueToday: counts.due_today,
        overdue: counts.overdue,
        url: `${this.config.publicUrl}/vandaag`,
      });
      ids = await this.notifications.write(tx, due.organisationId, [
        {
          idempotencyKey: `caseworker-digest-${due.userId}-${today}`,
          recipient: recipient.email,
          ...mail,
          locale: recipient.locale,
          senderName: recipient.discreet_sender_name,
        },
      ]);
    }
    if (recipient.has_open_watches) await this.scheduler.ensure(tx, due.organisationId, [due.userId], at);
    return ids;
  }
}
