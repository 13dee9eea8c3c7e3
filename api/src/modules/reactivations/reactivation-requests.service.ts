import { Injectable, NotFoundException } from '@nestjs/common';
import {
  REACTIVATION_REASON_MAX,
  type ReactivationSource,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { conflictProblem, fieldProblem } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { UserAbsencesService } from '../users/user-absences.service';
import { CapacityLedger, chooseAssignee } from './reactivation-assignment.util';
import {
  type LockedWatch,
  type UpsertedRow,
  capacityLoads,
  lockWatchesForRequests,
  upsertRequests,
  watchesWithOpenRequest,
} from './reactivation-request-rows.util';
import { ReactivationMailsService } from './reactivation-mails.service';
import { ReactivationNotifier } from './reactivation-notifier.service';
import { ReactivationSlaTimers } from './reactivation-sla-timers.service';
import { type SlaSettings, slaDeadlines } from './sla-clock.util';

/** A request to restart support on a watch, from any source. */
export interface ReactivationInput {
  organisationId: string;
  watchId: string;
  source: ReactivationSource;
  urgency: ReactivationUrgency;
  /** Why (1–1000 characters): shown to the assignee in the console, never put in e-mail. */
  reason: string;
  /** Null when the system or the client opens it. */
  actorId: string | null;
}

/** The request the input opened, or joined (`merged`), and its e-mails: dispatch them after commit. */
export interface ReactivationOutcome {
  id: string;
  merged: boolean;
  notificationIds: string[];
}

/** Why an input opened nothing: there is no such watch in the organisation, or it has ended. */
export type ReactivationSkip = 'not-found' | 'ended';

/**
 * Opens reactivation requests, inside the caller's transaction (so any module can open one with its own change):
 * the watch is locked first (the order every change of a watch takes), the assignee chosen (primary caseworker, else
 * backup, else the pool; an inactive or absent caseworker, or one at their reactivation capacity, is skipped), the
 * SLA deadline counted in the organisation's working hours, and one `INSERT … ON CONFLICT` on the one-open-request-per-watch index either opens
 * the request or merges the source and reason into the open one (urgent raises its urgency and, before the first
 * contact, its deadline). SLA timers and the e-mails are written in the same transaction; pass `notificationIds` to
 * `dispatch` after commit.
 */
@Injectable()
export class ReactivationRequestsService {
  constructor(
    private readonly calendars: OrganisationCalendars,
    private readonly absences: UserAbsencesService,
    private readonly mails: ReactivationMailsService,
    private readonly slaTimers: ReactivationSlaTimers,
    private readonly notifier: ReactivationNotifier,
  ) {}

  /** Opens (or joins) the request of one watch; 404 when there is no such watch in the organisation, 409 when ended. */
  async request(tx: EntityManager, input: ReactivationInput, now: Date): Promise<ReactivationOutcome> {
    const [outcome] = await this.requestMany(tx, [input], now);
    if (outcome === 'not-found') throw new NotFoundException();
    if (outcome === 'ended') throw conflictProblem('The watch has ended: reopen it to restart support.');
    return outcome;
  }

  /** As `request`, but null when the watch is gone or has ended (for callers that must not fail). */
  async tryRequest(
    tx: EntityManager,
    input: ReactivationInput,
    now: Date,
  ): Promise<ReactivationOutcome | null> {
    const [outcome] = await this.requestMany(tx, [input], now);
    return typeof outcome === 'string' ? null : outcome;
  }

  /**
   * For the watch of a check-in (a caseworker's or the client's `needs_support`): null when the check-in, or its
   * watch, is gone or the watch has ended.
   */
  async requestForCheckIn(
    tx: EntityManager,
    input: Omit<ReactivationInput, 'watchId'> & { checkInId: string },
    now: Date,
  ): Promise<ReactivationOutcome | null> {
    const [checkIn]: Array<{ watch_id: string }> = await tx.query(
      `SELECT watch_id FROM check_ins WHERE organisation_id = $1 AND id = $2`,
      [input.organisationId, input.checkInId],
    );
    if (!checkIn) return null;
    const { checkInId: _checkInId, ...rest } = input;
    return this.tryRequest(tx, { ...rest, watchId: checkIn.watch_id }, now);
  }

  /** Set-based (the lapse scan): one outcome per input, in order. */
  async requestMany(
    tx: EntityManager,
    inputs: readonly ReactivationInput[],
    now: Date,
  ): Promise<Array<ReactivationOutcome | ReactivationSkip>> {
    const cleaned = inputs.map((input) => ({ ...input, reason: cleanReason(input.reason) }));
    const outcomes: Array<ReactivationOutcome | ReactivationSkip> = new Array(inputs.length);
    // One statement cannot insert and merge the same watch twice: a repeated watch goes in a later round.
    const rounds: number[][] = [];
    const seen = new Map<string, number>();
    cleaned.forEach((input, index) => {
      const round = seen.get(input.watchId) ?? 0;
      seen.set(input.watchId, round + 1);
      (rounds[round] ??= []).push(index);
    });
    for (const round of rounds) {
      const results = await this.round(
        tx,
        round.map((i) => cleaned[i]),
        now,
      );
      round.forEach((inputIndex, i) => (outcomes[inputIndex] = results[i]));
    }
    return outcomes;
  }

  /** Queues the e-mails of committed requests on the urgent queue. Never throws: the outbox recovers them. */
  dispatch(notificationIds: readonly string[]): Promise<void> {
    return this.notifier.dispatch(notificationIds);
  }

  private async round(
    tx: EntityManager,
    inputs: readonly ReactivationInput[],
    now: Date,
  ): Promise<Array<ReactivationOutcome | ReactivationSkip>> {
    const watches = await lockWatchesForRequests(tx, inputs);
    const settings = new Map<string, SlaSettings>();
    const absent = new Map<string, Set<string>>();
    for (const w of watches.values()) {
      if (settings.has(w.organisation_id)) continue;
      const calendar = this.calendars.calendar(w.time_zone, w.extra_days_off);
      settings.set(w.organisation_id, {
        calendar,
        workingHours: { start: w.working_hours_start, end: w.working_hours_end },
        urgentHours: w.sla_urgent_working_hours,
        normalHours: w.sla_normal_working_hours,
      });
      const ofOrganisation = [...watches.values()].filter((o) => o.organisation_id === w.organisation_id);
      absent.set(
        w.organisation_id,
        await this.absences.absentOn(
          tx,
          w.organisation_id,
          calendar.today(now),
          ofOrganisation.flatMap((o) => [
            o.primary_caseworker_id,
            ...(o.backup_caseworker_id ? [o.backup_caseworker_id] : []),
          ]),
        ),
      );
    }

    const eligible = inputs.flatMap((input) => {
      const w = watches.get(input.watchId);
      return !w || w.organisation_id !== input.organisationId || w.status === 'ended' ? [] : [{ input, w }];
    });
    const { ledger, merging } = await this.capacities(
      tx,
      eligible.map((e) => e.w),
    );
    const rows = eligible.map(({ input, w }) => {
      const away = absent.get(w.organisation_id) as Set<string>;
      // A merge keeps the open request's assignee: it takes no new place.
      const assignee = merging.has(w.id)
        ? null
        : chooseAssignee(
            {
              id: w.primary_caseworker_id,
              active: w.primary_active,
              absent: away.has(w.primary_caseworker_id),
              atCapacity: ledger.full(w.primary_caseworker_id),
            },
            w.backup_caseworker_id
              ? {
                  id: w.backup_caseworker_id,
                  active: w.backup_active === true,
                  absent: away.has(w.backup_caseworker_id),
                  atCapacity: ledger.full(w.backup_caseworker_id),
                }
              : null,
          );
      ledger.take(assignee);
      const sla = slaDeadlines(settings.get(w.organisation_id) as SlaSettings, now, input.urgency);
      return { input, w, assignee, sla };
    });
    const upserted = await upsertRequests(tx, rows, now);
    const byWatch = new Map(upserted.map((u) => [u.watch_id, u]));
    const sourceOf = new Map(rows.map((r) => [r.w.id, r.input.source]));

    const fresh = rows.filter((r) => byWatch.get(r.w.id)?.merged === false);
    // Urgent news on a request still waiting for its first contact moved the deadline forward: so do the timers.
    const raised = rows.filter((r) => {
      const u = byWatch.get(r.w.id);
      return (
        u?.merged &&
        u.previous_due_at !== null &&
        new Date(u.sla_due_at).getTime() < new Date(u.previous_due_at).getTime()
      );
    });
    const timer = (r: (typeof rows)[number]) => {
      const u = byWatch.get(r.w.id) as UpsertedRow;
      const dueAt = new Date(u.sla_due_at);
      return {
        organisationId: u.organisation_id,
        requestId: u.id,
        dueAt,
        halfAt: new Date(Math.min(r.sla.halfAt.getTime(), dueAt.getTime())),
      };
    };
    await this.slaTimers.schedule(tx, fresh.map(timer));
    await this.slaTimers.reschedule(tx, raised.map(timer));

    const mails = await this.mails.announce(
      tx,
      upserted.map((u) => ({
        requestId: u.id,
        reasonId: u.reason_id,
        merged: u.merged,
        source: sourceOf.get(u.watch_id) as ReactivationSource,
      })),
    );
    return inputs.map((input) => {
      const w = watches.get(input.watchId);
      if (!w || w.organisation_id !== input.organisationId) return 'not-found';
      if (w.status === 'ended') return 'ended';
      const u = byWatch.get(input.watchId) as UpsertedRow;
      return { id: u.id, merged: u.merged, notificationIds: mails.get(u.id) ?? [] };
    });
  }

  /**
   * The capacities that assignment must respect in this round: the loads of the watches' caseworkers who have a
   * limit (their rows locked), and the watches whose open request a new input joins. Without any limit among the
   * caseworkers (the common case) this reads nothing.
   */
  private async capacities(
    tx: EntityManager,
    watches: readonly LockedWatch[],
  ): Promise<{ ledger: CapacityLedger; merging: Set<string> }> {
    const limited = watches.flatMap((w) => [
      ...(w.primary_capacity !== null ? [w.primary_caseworker_id] : []),
      ...(w.backup_caseworker_id && w.backup_capacity !== null ? [w.backup_caseworker_id] : []),
    ]);
    if (limited.length === 0) return { ledger: new CapacityLedger(new Map()), merging: new Set() };
    const loads = await capacityLoads(tx, limited);
    const merging = await watchesWithOpenRequest(
      tx,
      watches.map((w) => w.id),
    );
    return { ledger: new CapacityLedger(loads), merging };
  }
}

function cleanReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw fieldProblem('reason', 'must not be empty');
  if (trimmed.length > REACTIVATION_REASON_MAX)
    throw fieldProblem('reason', `must be at most ${REACTIVATION_REASON_MAX} characters`);
  return trimmed;
}
