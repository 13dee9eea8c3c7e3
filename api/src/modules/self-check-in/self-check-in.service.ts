import { Injectable, Logger } from '@nestjs/common';
import { SELF_CHECK_IN_TOKEN_PATTERN, type SelfCheckInResponse } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { AuditScope } from '../audit/audit-scope.store';
import { CheckInCompletionService } from '../check-ins/check-in-completion.service';
import { CheckInTokensService } from '../check-ins/check-in-tokens.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReactivationRequestsService } from '../reactivations/reactivation-requests.service';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';

/** BullMQ: 1 is the highest priority. A client who asks for contact is alerted at once. */
const NEEDS_SUPPORT_PRIORITY = 1;

/**
 * The client's answer to a self check-in link. The link is the only credential: it is looked up by its sha256
 * only, and every link that cannot be used (unknown, malformed, used, expired) gets the same answer.
 */
@Injectable()
export class SelfCheckInService {
  private readonly logger = new Logger(SelfCheckInService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: CheckInTokensService,
    private readonly completion: CheckInCompletionService,
    private readonly reminders: CheckInRemindersService,
    private readonly notifications: NotificationsService,
    private readonly reactivations: ReactivationRequestsService,
  ) {}

  /** Whether the link can still be used: one primary-key look-up of its hash. */
  async isOpen(token: string, now = new Date()): Promise<boolean> {
    if (!SELF_CHECK_IN_TOKEN_PATTERN.test(token)) return false;
    const link = await this.tokens.findOpen(token, now);
    // The resident saw whether their check-in is open: the audit log names its client (AuditInterceptor).
    if (link) AuditScope.identifyCheckIn(link.organisationId, link.checkInId);
    return link !== null;
  }

  /**
   * Uses the link up and records the answer, in one transaction: the conditional update of the link lets exactly
   * one request win; then the check-in is completed (channel `self`, no actor) and the next one planned, and for
   * `concern` or `needs_support` the caseworker's e-mail is written. False when the link cannot be used.
   *
   * A check-in that is no longer planned (a caseworker recorded it, or it was missed or cancelled) keeps its record;
   * the answer stays on the link and the caseworker is still alerted.
   *
   * `needs_support` ("Ik wil graag contact") opens an urgent reactivation request (source `client`), or joins the
   * open one: its e-mail to the assignee, on the urgent queue, is the alert. Only when no request can be opened
   * (the watch has ended) does the caseworker get the plain alert instead.
   */
  async respond(token: string, response: SelfCheckInResponse, now = new Date()): Promise<boolean> {
    if (!SELF_CHECK_IN_TOKEN_PATTERN.test(token)) return false;
    const answered = await this.dataSource.transaction(async (tx) => {
      const link = await this.tokens.use(tx, token, response, now);
      if (!link) return null;
      AuditScope.identifyCheckIn(link.organisationId, link.checkInId);
      await this.completion.completeInTx(
        tx,
        link.organisationId,
        link.checkInId,
        { outcome: response, channel: 'self', note: null, actorId: null },
        now,
      );
      const reactivation =
        response === 'needs_support'
          ? await this.reactivations.requestForCheckIn(
              tx,
              {
                organisationId: link.organisationId,
                checkInId: link.checkInId,
                source: 'client',
                urgency: 'urgent',
                reason: 'Zelf-check-in: "Ik wil graag contact".',
                actorId: null,
              },
              now,
            )
          : null;
      if (reactivation) return { notificationIds: [], reactivationIds: reactivation.notificationIds };
      const notificationIds =
        response === 'well' ? [] : await this.reminders.clientResponded(tx, link.checkInId, response);
      return { notificationIds, reactivationIds: [] };
    });
    if (answered === null) return false;
    await this.reactivations.dispatch(answered.reactivationIds);
    const { notificationIds } = answered;
    if (notificationIds.length > 0) {
      try {
        await this.notifications.dispatch(
          notificationIds,
          response === 'needs_support' ? { priority: NEEDS_SUPPORT_PRIORITY } : {},
        );
      } catch (err: unknown) {
        // The answer is recorded and the messages are in the outbox: the planner queues them again once their
        // lease passes. The client must not see an error for a link that is now used up.
        this.logger.error({ err, notificationIds }, 'Dispatching the self check-in alert failed');
      }
    }
    return true;
  }
}
