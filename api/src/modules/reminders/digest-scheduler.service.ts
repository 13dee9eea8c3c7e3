import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TimersService } from '../scheduling/timers.service';
import { nextDigestAt } from './digest-time.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';

/** Keeps one `caseworker_digest` timer per caseworker with open watches: 07:30 organisation time, working days. */
@Injectable()
export class DigestSchedulerService {
  constructor(
    private readonly timers: TimersService,
    private readonly calendars: OrganisationCalendars,
  ) {}

  /**
   * Schedules the next digest of these caseworkers, unless they have one (safe to repeat): 07:30 organisation time
   * on the first working day whose 07:30 is after `now`. Users who are not active caseworkers of the organisation
   * are skipped. Call it in the transaction that gives a caseworker a watch.
   */
  async ensure(
    tx: EntityManager,
    organisationId: string,
    caseworkerIds: readonly string[],
    now: Date,
  ): Promise<void> {
    if (caseworkerIds.length === 0) return;
    const caseworkers: Array<{ id: string }> = await tx.query(
      `SELECT id FROM users
       WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND role = 'caseworker' AND active`,
      [organisationId, [...new Set(caseworkerIds)]],
    );
    if (caseworkers.length === 0) return;
    const fireAt = nextDigestAt(await this.calendars.forOrganisation(organisationId, tx), now);
    await this.timers.schedule(
      tx,
      caseworkers.map((c) => ({ organisationId, kind: 'caseworker_digest', subjectId: c.id, fireAt })),
    );
  }
}
