import { Injectable } from '@nestjs/common';
import type { Locale } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { CHECK_IN_TOKEN_DAYS } from '../check-ins/check-in-tokens.service';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { clientLabel, firstName, formatDate, senderName, signature } from './reminder-format.util';
import {
  type CheckInMailRow,
  type ClientMailRow,
  type OrganisationMailRow,
  type StaffRow,
  loadActiveUsers,
  loadCheckIns,
  loadCoordinators,
  loadDisplayNames,
  loadWatches,
} from './reminder-queries.util';
import { TemplateRenderer, type TemplateName } from '../../core/mail/template-renderer.util';

/** Issues self check-in links for check-ins whose e-mail is being written: check-in id → link secret. */
export type IssueLinks = (
  checkIns: ReadonlyArray<{ check_in_id: string; organisation_id: string }>,
) => Promise<ReadonlyMap<string, string>>;

interface OrganisationMail {
  organisationId: string;
  mail: NewNotification;
}

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
   * The clients' pre-notices (only with consent and an e-mail address, for planned check-ins). With `issueLinks`
   * they are self check-ins: the links' secrets are issued only for the e-mails written, and the sender fills in
   * `{{link}}`. A check-in whose link was issued before gets none (and no e-mail: its pre-notice was written).
   */
  async preNotice(
    tx: EntityManager,
    checkInIds: readonly string[],
    issueLinks: IssueLinks | null,
  ): Promise<string[]> {
    const checkIns = (await loadCheckIns(tx, checkInIds)).filter(
      (c) => c.status === 'planned' && c.consent_email_reminders && c.client_email,
    );
    const links = issueLinks ? await issueLinks(checkIns) : null;
    const mails: OrganisationMail[] = [];
    for (const checkIn of checkIns) {
      const linkSecret = links?.get(checkIn.check_in_id) ?? null;
      if (links && !linkSecret) continue;
      const values = {
        caseworker: firstName(checkIn.caseworker_name),
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
      mails.push({
        organisationId: checkIn.organisation_id,
        mail: {
          idempotencyKey: `check-in-pre-notice-${checkIn.check_in_id}`,
          recipient: checkIn.client_email as string,
          ...mail,
          locale: CLIENT_LOCALE,
          senderName: senderName(checkIn),
          linkSecret,
        },
      });
    }
    return this.write(tx, mails);
  }

  /** The caseworker (if active), on the first working day a planned check-in is overdue. */
  async overdue(tx: EntityManager, checkInIds: readonly string[]): Promise<string[]> {
    const mails: OrganisationMail[] = [];
    for (const checkIn of await loadCheckIns(tx, checkInIds)) {
      if (checkIn.status !== 'planned' || !checkIn.caseworker) continue;
      mails.push(
        this.checkInMail(
          `check-in-overdue-${checkIn.check_in_id}`,
          checkIn.caseworker,
          checkIn,
          'caseworker-overdue',
          (locale) => ({
            graceEndsOn: formatDate(locale, checkIn.grace_ends_on),
          }),
        ),
      );
    }
    return this.write(tx, mails);
  }

  /**
   * The watch's backup caseworker (if set, active, and not the check-in's own caseworker), on the last day of the
   * grace period of a planned check-in.
   */
  async graceEnded(tx: EntityManager, checkInIds: readonly string[]): Promise<string[]> {
    const mails: OrganisationMail[] = [];
    for (const checkIn of await loadCheckIns(tx, checkInIds)) {
      if (checkIn.status !== 'planned' || !checkIn.backup) continue;
      if (checkIn.backup.id === checkIn.caseworker_id) continue;
      mails.push(
        this.checkInMail(
          `check-in-grace-ended-${checkIn.check_in_id}`,
          checkIn.backup,
          checkIn,
          'backup-grace-ended',
          () => ({
            caseworker: checkIn.caseworker_name,
          }),
        ),
      );
    }
    return this.write(tx, mails);
  }

  /** Every active coordinator of the organisation, for each check-in that became missed. */
  async missed(tx: EntityManager, checkInIds: readonly string[]): Promise<string[]> {
    const coordinators = new Map<string, StaffRow[]>();
    const mails: OrganisationMail[] = [];
    for (const checkIn of await loadCheckIns(tx, checkInIds)) {
      if (checkIn.status !== 'missed') continue;
      let ofOrganisation = coordinators.get(checkIn.organisation_id);
      if (!ofOrganisation) {
        ofOrganisation = await loadCoordinators(tx, checkIn.organisation_id);
        coordinators.set(checkIn.organisation_id, ofOrganisation);
      }
      for (const coordinator of ofOrganisation) {
        mails.push(
          this.checkInMail(
            `check-in-missed-${checkIn.check_in_id}-${coordinator.id}`,
            coordinator,
            checkIn,
            'coordinator-missed',
            () => ({ caseworker: checkIn.caseworker_name }),
          ),
        );
      }
    }
    return this.write(tx, mails);
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
    const [checkIn] = await loadCheckIns(tx, [checkInId]);
    const recipient = checkIn?.caseworker ?? checkIn?.backup;
    if (!checkIn || !recipient) return [];
    const template =
      response === 'needs_support' ? 'caseworker-client-needs-support' : 'caseworker-client-concern';
    return this.write(tx, [
      {
        organisationId: checkIn.organisation_id,
        mail: this.staffMail(`check-in-response-${checkInId}`, recipient, checkIn, template, () => ({
          client: clientLabel(checkIn, checkIn),
          url: this.clientUrl(checkIn),
        })),
      },
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

  /** A staff e-mail about a check-in: names the client (as allowed), the due date and links to the client. */
  private checkInMail(
    idempotencyKey: string,
    recipient: StaffRow,
    checkIn: CheckInMailRow,
    template: TemplateName,
    values: (locale: Locale) => Record<string, string | number>,
  ): OrganisationMail {
    return {
      organisationId: checkIn.organisation_id,
      mail: this.staffMail(idempotencyKey, recipient, checkIn, template, (locale) => ({
        client: clientLabel(checkIn, checkIn),
        date: formatDate(locale, checkIn.due_date),
        url: this.clientUrl(checkIn),
        ...values(locale),
      })),
    };
  }

  /** Writes messages of several organisations: one statement per organisation. */
  private async write(tx: EntityManager, mails: readonly OrganisationMail[]): Promise<string[]> {
    const ids: string[] = [];
    for (const organisationId of new Set(mails.map((m) => m.organisationId))) {
      const ofOrganisation = mails.filter((m) => m.organisationId === organisationId).map((m) => m.mail);
      ids.push(...(await this.notifications.write(tx, organisationId, ofOrganisation)));
    }
    return ids;
  }

  private clientUrl(client: ClientMailRow): string {
    return `${this.config.publicUrl}/inwoners/${client.client_id}`;
  }
}
