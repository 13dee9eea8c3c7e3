import type { SignalCategory, SignalListDrillDown, SignalStatus } from '@waakvlam/contracts';
import {
  SqlWhere,
  dayRangeConditions,
  neighbourhoodCondition,
  organisationTimeZoneSql,
} from '../../core/database/sql-where.util';

export interface SignalListFilter extends SignalListDrillDown {
  status?: SignalStatus;
  category?: SignalCategory;
}

/**
 * The signal list's WHERE on `signals s`, shared by the page, its count and the export, for staff and partners
 * alike: the organisation, for a partner only its own signals (whatever partnerOrganisationId asks), status,
 * category, received in receivedFrom..receivedTo (organisation days), the partner, still without feedback, and
 * (staff only) the linked watch's primary caseworker and the matched client's wijk.
 */
export function signalListWhere(
  organisationId: string,
  ownPartnerOrganisationId: string | null,
  query: SignalListFilter,
): SqlWhere {
  const where = new SqlWhere();
  const organisation = where.param(organisationId);
  where.and(`s.organisation_id = ${organisation}`);
  where.andIf(ownPartnerOrganisationId, (p) => `s.partner_organisation_id = ${p}`);
  where.andIf(query.status, (p) => `s.status = ${p}`);
  where.andIf(query.category, (p) => `s.category = ${p}`);
  for (const condition of dayRangeConditions(
    where,
    's.received_at',
    organisationTimeZoneSql(organisation),
    query.receivedFrom,
    query.receivedTo,
  )) {
    where.and(condition);
  }
  if (ownPartnerOrganisationId === null) {
    // Staff only: a partner may not narrow by anything it is not told (the matched client, the watch).
    where.andIf(query.partnerOrganisationId, (p) => `s.partner_organisation_id = ${p}`);
    where.andIf(
      query.caseworkerId,
      (p) => `EXISTS (SELECT 1 FROM watches fw WHERE fw.id = s.watch_id AND fw.primary_caseworker_id = ${p})`,
    );
    if (query.neighbourhood === '') {
      where.and(
        `NOT EXISTS (SELECT 1 FROM clients fc WHERE fc.id = s.client_id AND fc.neighbourhood IS NOT NULL)`,
      );
    } else if (query.neighbourhood !== undefined) {
      where.and(
        `EXISTS (SELECT 1 FROM clients fc WHERE fc.id = s.client_id
           AND ${neighbourhoodCondition(where, 'fc.neighbourhood', query.neighbourhood)})`,
      );
    }
  }
  // first_feedback_at is set with the first signal_feedback row (the dashboard counts by it too).
  if (query.awaitingFeedback !== undefined) {
    where.and(query.awaitingFeedback ? 's.first_feedback_at IS NULL' : 's.first_feedback_at IS NOT NULL');
  }
  return where;
}
