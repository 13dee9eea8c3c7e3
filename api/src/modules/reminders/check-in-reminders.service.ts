import { Injectable } from '@nestjs/common';
import type { Locale } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { CHECK_IN_TOKEN_DAYS } from '../check-ins/check-in-tokens.service';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { clientLabel, firstName, formatDate, senderName, signature } from './reminder-format.util';
import {
  type ClientMailRow,
  type OrganisationMailRow,
  type StaffRow,
  loadActiveUsers,
  loadCheckIn,
  loadCoordinators,
  loadDisplayName,
  loadDisplayNames,
  loadWatches,
} from './reminder-queries.util';
import { TemplateRenderer, type TemplateName } from './template-renderer.util';

/** Clients have no language setting: their e-mails are Dutch. */
const CLIENT_LOCALE: Locale = 'nl';

/**
 * The e-mails of a check-in's reminder ladder and of the client's self check-in. Each method writes its messages
 * to the outbox in the caller's transaction (NotificationsService.write) and returns the new notification ids, which
 * the caller dispatches after commit. Idempotency keys make a second call write nothing.
 *
 * Privacy: an e-mail names a client by the organisation's reference only, unless the organisation turned
 * `client_names_in_email` on. Client e-mails name the caseworker by first name and say nothing about care; in
 * discreet mode they are sent and signed with the organisation's neutral sender name. Staff e-mails are in the
 * recipient's language (`users.locale`) and link to the console; client e-mails are Dutch.
 */
@Injectable()
export class CheckInRemindersService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /**
   * The client's pre-notice (only with consent and an e-mail address, for a planned check-in). With `issueLink` it
   * is a self check-in: the link's secret is issued only when the e-mail is written, and the sender fills in
   * `{{link}}`.
   */
  async preNotice(
    tx: EntityManager,
    checkInId: string,
    issueLink: (() => Promise<string | null>) | null,
  ): Promise<string[]> {
    const checkIn = await loadCheckIn(tx, checkInId);
    if (
      !checkIn ||
      checkIn.status !== 'planned' ||
      !checkIn.consent_email_reminders ||
      !checkIn.client_email
    ) {
      return [];
    }
    const linkSecret = issueLink ? await issueLink() : null;
    const caseworker = await loadDisplayName(tx, checkIn.organisation_id, checkIn.caseworker_id);
    const values = {
      caseworker: firstName(caseworker),
      date: formatDate(CLIENT_LOCALE, checkIn.due_date),
      sender: signature(checkIn),
    };
    const mail = linkSecret
      ? this.renderer.render(CLIENT_LOCALE, 'client-self-check-in', {
          ...values,
          link: '{{link}}',
          // The e-mail says how long the link works: as long as the token does.
          validDays: CHECK_IN_TOKEN_DAYS,
        })
      : this.renderer.render(CLIENT_LOCALE, 'client-pre-notice', values);
    return this.notifications.write(tx, checkIn.organisation_id, [
      {
        idempotencyKey: `check-in-pre-notice-${checkInId}`,
        recipient: checkIn.client_email,
        ...mail,
        locale: CLIENT_LOCALE,
        senderName: senderName(checkIn),
        linkSecret,
      },
    ]);
  }

  /** The caseworker (if active), on the first working day a planned check-in is overdue. */
  async overdue(tx: EntityManager, checkInId: string): Promise<string[]> {
    const checkIn = await loadCheckIn(tx, checkInId);
    if (!checkIn || checkIn.status !== 'planned') return [];
    const [caseworker] = await loadActiveUsers(tx, checkIn.organisation_id, [checkIn.caseworker_id]);
    if (!caseworker) return [];
    return this.notifications.write(tx, checkIn.organisation_id, [
      this.staffMail(
        `check-in-overdue-${checkInId}`,
        caseworker,
        checkIn,
        'caseworker-overdue',
        (locale) => ({
          client: clientLabel(checkIn, checkIn),
          date: formatDate(locale, checkIn.due_date),
          graceEndsOn: formatDate(locale, checkIn.grace_ends_on),
          url: this.clientUrl(checkIn),
        }),
      ),
    ]);
  }

  /**
   * The watch's backup caseworker (if set, active, and not the check-in's own caseworker), on the last day of the
   * grace period of a planned check-in.
   */
  async graceEnded(tx: EntityManager, checkInId: string): Promise<string[]> {
    const checkIn = await loadCheckIn(tx, checkInId);
    if (!checkIn || checkIn.status !== 'planned' || !checkIn.backup_caseworker_id) return [];
    if (checkIn.backup_caseworker_id === checkIn.caseworker_id) return [];
    const [backup] = await loadActiveUsers(tx, checkIn.organisation_id, [checkIn.backup_caseworker_id]);
    if (!backup) return [];
    const caseworker = await loadDisplayName(tx, checkIn.organisation_id, checkIn.caseworker_id);
    return this.notifications.write(tx, checkIn.organisation_id, [
      this.staffMail(
        `check-in-grace-ended-${checkInId}`,
        backup,
        checkIn,
        'backup-grace-ended',
        (locale) => ({
          client: clientLabel(checkIn, checkIn),
          date: formatDate(locale, checkIn.due_date),
          caseworker,
          url: this.clientUrl(checkIn),
        }),
      ),
    ]);
  }

  /** Every active coordinator of the organisation, when the check-in became missed. */
  async missed(tx: EntityManager, checkInId: string): Promise<string[]> {
    const checkIn = await loadCheckIn(tx, checkInId);
    if (!checkIn || checkIn.status !== 'missed') return [];
    const coordinators = await loadCoordinators(tx, checkIn.organisation_id);
    if (coordinators.length === 0) return [];
    const caseworker = await loadDisplayName(tx, checkIn.organisation_id, checkIn.caseworker_id);
    return this.notifications.write(
      tx,
      checkIn.organisation_id,
      coordinators.map((coordinator) =>
        this.staffMail(
          `check-in-missed-${checkInId}-${coordinator.id}`,
          coordinator,
          checkIn,
          'coordinator-missed',
          (locale) => ({
            client: clientLabel(checkIn, checkIn),
            date: formatDate(locale, checkIn.due_date),
            caseworker,
            url: this.clientUrl(checkIn),
          }),
        ),
      ),
    );
  }

  /**
   * The caseworker, when the client answered a self check-in with `concern` or `needs_support` (urgent in the
   * subject). An inactive caseworker's mail goes to the active backup caseworker instead, so the answer is read.
   */
  async clientResponded(
    tx: EntityManager,
    checkInId: string,
    response: 'concern' | 'needs_support',
  ): Promise<string[]> {
    const checkIn = await loadCheckIn(tx, checkInId);
    if (!checkIn) return [];
    const active = await loadActiveUsers(tx, checkIn.organisation_id, [
      checkIn.caseworker_id,
      checkIn.backup_caseworker_id,
    ]);
    const recipient =
      active.find((u) => u.id === checkIn.caseworker_id) ??
      active.find((u) => u.id === checkIn.backup_caseworker_id);
    if (!recipient) return [];
    const template =
      response === 'needs_support' ? 'caseworker-client-needs-support' : 'caseworker-client-concern';
    return this.notifications.write(tx, checkIn.organisation_id, [
      this.staffMail(`check-in-response-${checkInId}`, recipient, checkIn, template, () => ({
        client: clientLabel(checkIn, checkIn),
        url: this.clientUrl(checkIn),
      })),
    ]);
  }

  /**
   * The primary caseworker (if active) and every active coordinator, when watches lapsed. One e-mail per watch,
   * lapse and recipient: the keys count the watch's `lapsed` events, so a later lapse of the same watch mails again.
   */
  async lapsed(tx: EntityManager, watchIds: readonly string[]): Promise<string[]> {
    const watches = await loadWatches(tx, [...new Set(watchIds)]);
    const ids: string[] = [];
    for (const organisationId of new Set(watches.map((w) => w.organisation_id))) {
      const ofOrganisation = watches.filter((w) => w.organisation_id === organisationId);
      const coordinators = await loadCoordinators(tx, organisationId);
      const caseworkers = await loadActiveUsers(
        tx,
        organisationId,
        ofOrganisation.map((w) => w.primary_caseworker_id),
      );
      const names = await loadDisplayNames(
        tx,
        organisationId,
        ofOrganisation.map((w) => w.primary_caseworker_id),
      );
      const mails: NewNotification[] = [];
      for (const watch of ofOrganisation) {
        const caseworkerName = names.get(watch.primary_caseworker_id) ?? '';
        const primary = caseworkers.filter((c) => c.id === watch.primary_caseworker_id);
        const recipients = [...primary, ...coordinators.filter((c) => c.id !== watch.primary_caseworker_id)];
        for (const recipient of recipients) {
          mails.push(
            this.staffMail(
              `watch-lapsed-${watch.watch_id}-${watch.lapses}-${recipient.id}`,
              recipient,
              watch,
              'lapsed',
              () => ({
                client: clientLabel(watch, watch),
                caseworker: caseworkerName,
                url: this.clientUrl(watch),
              }),
            ),
          );
        }
      }
      ids.push(...(await this.notifications.write(tx, organisationId, mails)));
    }
    return ids;
  }

  /** One staff e-mail in the recipient's language, greeting them by first name. */
  private staffMail(
    idempotencyKey: string,
    recipient: StaffRow,
    organisation: OrganisationMailRow,
    template: TemplateName,
    values: (locale: Locale) => Record<string, string | number>,
  ): NewNotification {
    const locale = recipient.locale;
    const mail = this.renderer.render(locale, template, {
      name: firstName(recipient.display_name),
      ...values(locale),
    });
    return {
      idempotencyKey,
      recipient: recipient.email,
      ...mail,
      locale,
      senderName: senderName(organisation),
    };
  }

  private clientUrl(client: ClientMailRow): string {
    return `${this.config.publicUrl}/inwoners/${client.client_id}`;
  }
}
