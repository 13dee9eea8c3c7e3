import { Injectable } from '@nestjs/common';
import type { Locale, ReactivationSource, ReactivationUrgency } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { clientLabel, firstName, senderName } from '../reminders/reminder-format.util';
import type { ClientMailRow, OrganisationMailRow, StaffRow } from '../reminders/reminder-queries.util';
import { TemplateRenderer, type TemplateName } from '../../core/mail/template-renderer.util';

/** A request with what its e-mails need: organisation, client, assignee (when they may receive e-mail). */
interface RequestMailRow extends OrganisationMailRow, ClientMailRow {
  request_id: string;
  time_zone: string;
  urgency: ReactivationUrgency;
  sla_due_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  /** The assignee when active staff, else null (their mail goes to the coordinators). */
  assignee: StaffRow | null;
}

/** A new source or reason on a request: the request is new (or joined one that was open). */
export interface RequestAnnouncement {
  requestId: string;
  reasonId: string;
  source: ReactivationSource;
  merged: boolean;
}

const SOURCE_LABELS: Record<Locale, Record<ReactivationSource, string>> = {
  nl: {
    caseworker: 'begeleider',
    client: 'de inwoner zelf ("Ik wil graag contact")',
    lapse: 'contact verloren (contactmomenten gemist)',
    partner_signal: 'signaal van een ketenpartner',
    coordinator: 'regievoerder',
  },
  en: {
    caseworker: 'caseworker',
    client: 'the resident ("I would like contact")',
    lapse: 'contact lost (check-ins missed)',
    partner_signal: 'a partner organisation’s signal',
    coordinator: 'coordinator',
  },
};
const URGENCY_LABELS: Record<Locale, Record<ReactivationUrgency, string>> = {
  nl: { urgent: 'spoed', normal: 'normaal' },
  en: { urgent: 'urgent', normal: 'normal' },
};
const NOBODY: Record<Locale, string> = { nl: 'nog niemand', en: 'nobody yet' };

const STAFF = (alias: string): string =>
  `CASE WHEN ${alias}.active AND ${alias}.role <> 'partner' THEN json_build_object('id', ${alias}.id,
     'email', ${alias}.email, 'display_name', ${alias}.display_name, 'locale', ${alias}.locale) END`;

/**
 * The e-mails of reactivation requests, written to the outbox in the caller's transaction (the caller dispatches
 * the returned ids after commit, on the urgent queue). The assignee gets them, or every active coordinator when the
 * request is in the pool (or its assignee can no longer receive mail). Idempotency keys name the request and the
 * event (reason, assignment, timer), so writing twice sends once. E-mails name the client by reference unless the
 * organisation turned client names on, and never quote the reason (care details stay in the console).
 */
@Injectable()
export class ReactivationMailsService {
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /** A new request (to the assignee, or the coordinators of the pool), or a reason merged into an open one. */
  async announce(tx: EntityManager, items: readonly RequestAnnouncement[]): Promise<Map<string, string[]>> {
    const rows = await this.load(
      tx,
      items.map((i) => i.requestId),
    );
    const byId = new Map(rows.map((r) => [r.request_id, r]));
    const result = new Map<string, string[]>();
    for (const organisationId of new Set(rows.map((r) => r.organisation_id))) {
      const coordinators = await this.coordinators(tx, organisationId);
      for (const item of items) {
        const row = byId.get(item.requestId);
        if (!row || row.organisation_id !== organisationId) continue;
        const recipients = row.assignee ? [row.assignee] : coordinators;
        const template: TemplateName = item.merged
          ? 'reactivation-merged'
          : row.assignee
            ? 'reactivation-assigned'
            : 'reactivation-pool';
        const mails = recipients.map((recipient) =>
          this.mail(
            `reactivation-${row.request_id}-reason-${item.reasonId}-${recipient.id}`,
            recipient,
            row,
            template,
            {
              source: item.source,
            },
          ),
        );
        result.set(item.requestId, await this.notifications.write(tx, organisationId, mails));
      }
    }
    return result;
  }

  /** A coordinator gave the request to someone: their e-mail. `event` tells this assignment from others. */
  async assigned(tx: EntityManager, requestId: string, event: string): Promise<string[]> {
    const [row] = await this.load(tx, [requestId]);
    if (!row?.assignee) return [];
    return this.notifications.write(tx, row.organisation_id, [
      this.mail(`reactivation-${requestId}-assigned-${event}`, row.assignee, row, 'reactivation-assigned', {
        source: 'coordinator',
      }),
    ]);
  }

  /** Half of the SLA time passed without contact: the assignee (the coordinators for a pool request). */
  async slaHalf(
    tx: EntityManager,
    items: ReadonlyArray<{ requestId: string; timerId: string }>,
  ): Promise<string[]> {
    return this.perRequest(tx, items, (row, timerId, coordinators) =>
      (row.assignee ? [row.assignee] : coordinators).map((recipient) =>
        this.mail(
          `reactivation-${row.request_id}-sla-half-${timerId}-${recipient.id}`,
          recipient,
          row,
          'reactivation-sla-half',
        ),
      ),
    );
  }

  /** The first-contact deadline passed: every active coordinator. */
  async slaBreach(
    tx: EntityManager,
    items: ReadonlyArray<{ requestId: string; timerId: string }>,
  ): Promise<string[]> {
    return this.perRequest(tx, items, (row, timerId, coordinators) =>
      coordinators.map((recipient) =>
        this.mail(
          `reactivation-${row.request_id}-sla-breach-${timerId}-${recipient.id}`,
          recipient,
          row,
          'reactivation-sla-breach',
        ),
      ),
    );
  }

  private async perRequest(
    tx: EntityManager,
    items: ReadonlyArray<{ requestId: string; timerId: string }>,
    build: (row: RequestMailRow, timerId: string, coordinators: StaffRow[]) => NewNotification[],
  ): Promise<string[]> {
    const rows = await this.load(
      tx,
      items.map((i) => i.requestId),
    );
    const ids: string[] = [];
    for (const organisationId of new Set(rows.map((r) => r.organisation_id))) {
      const coordinators = await this.coordinators(tx, organisationId);
      const mails: NewNotification[] = [];
      for (const item of items) {
        const row = rows.find((r) => r.request_id === item.requestId && r.organisation_id === organisationId);
        if (row) mails.push(...build(row, item.timerId, coordinators));
      }
      ids.push(...(await this.notifications.write(tx, organisationId, mails)));
    }
    return ids;
  }

  private mail(
    idempotencyKey: string,
    recipient: StaffRow,
    row: RequestMailRow,
    template: TemplateName,
    extra: { source?: ReactivationSource } = {},
  ): NewNotification {
    const locale = recipient.locale;
    const mail = this.renderer.render(locale, template, {
      name: firstName(recipient.display_name),
      client: clientLabel(row, row),
      urgency: URGENCY_LABELS[locale][row.urgency],
      source: extra.source ? SOURCE_LABELS[locale][extra.source] : '',
      due: this.format(locale, row.time_zone, row.sla_due_at),
      assignee: row.assignee_name ?? NOBODY[locale],
      url: `${this.config.publicUrl}/heractiveringen/${row.request_id}`,
    });
    return { idempotencyKey, recipient: recipient.email, ...mail, locale, senderName: senderName(row) };
  }

  /** "dinsdag 13 mei 14:15" / "Tuesday 13 May 14:15", in the organisation's time zone. */
  private format(locale: Locale, timeZone: string, at: Date): string {
    const key = `${locale}|${timeZone}`;
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      });
      this.formats.set(key, format);
    }
    return format.format(new Date(at)).replace(/,/g, '').replace(' om ', ' ').replace(' at ', ' ');
  }

  private async load(tx: EntityManager, requestIds: readonly string[]): Promise<RequestMailRow[]> {
    if (requestIds.length === 0) return [];
    return tx.query(
      `SELECT r.id AS request_id, r.urgency, r.sla_due_at, r.assignee_id, au.display_name AS assignee_name,
              ${STAFF('au')} AS assignee, o.time_zone,
              o.id AS organisation_id, o.name AS organisation_name, o.discreet_sender_name, o.client_names_in_email,
              cl.id AS client_id, cl.reference AS client_reference, cl.name AS client_name
       FROM reactivation_requests r
       JOIN organisations o ON o.id = r.organisation_id
       JOIN clients cl ON cl.id = r.client_id AND cl.organisation_id = r.organisation_id
       LEFT JOIN users au ON au.id = r.assignee_id AND au.organisation_id = r.organisation_id
       WHERE r.id = ANY($1::uuid[])
       ORDER BY r.id`,
      [[...new Set(requestIds)]],
    );
  }

  private coordinators(tx: EntityManager, organisationId: string): Promise<StaffRow[]> {
    return tx.query(
      `SELECT id, email, display_name, locale FROM users
       WHERE organisation_id = $1 AND role = 'coordinator' AND active
       ORDER BY id`,
      [organisationId],
    );
  }
}
