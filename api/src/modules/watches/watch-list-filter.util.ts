import type { WatchListDrillDown, WatchStatus } from '@waakvlam/contracts';
import {
  SqlWhere,
  dayRangeConditions,
  neighbourhoodCondition,
  organisationTimeZoneSql,
} from '../../core/database/sql-where.util';
import type { WatchReader } from './watches.service';

export interface WatchListFilter extends WatchListDrillDown {
  status?: WatchStatus;
  clientId?: string;
  mine?: boolean;
}

/** Primary or backup caseworker of the watch `w`. */
const onWatch = (placeholder: string): string =>
  `w.primary_caseworker_id = ${placeholder} OR w.backup_caseworker_id = ${placeholder}`;

/**
 * The watch list's WHERE on `watches w`, shared by the page, its count and the export: the organisation, the
 * reader's scope (a caseworker: their own watches), status, caseworker (primary or backup, or the one role asked
 * for; `mine`: the reader),
 * client, the client's neighbourhood, and a `lapsed` event in lapsedFrom..lapsedTo (organisation days).
 */
export function watchListWhere(reader: WatchReader, query: WatchListFilter, userId: string): SqlWhere {
  const where = new SqlWhere();
  const organisation = where.param(reader.scope.organisationId);
  where.and(`w.organisation_id = ${organisation}`);
  where.andIf(reader.caseworkerId, onWatch);
  where.andIf(query.status, (p) => `w.status = ${p}`);
  if (query.open === true) where.and(`w.status <> 'ended'`);
  where.andIf(
    query.mine ? userId : query.caseworkerId,
    query.caseworkerRole === 'primary'
      ? (p) => `w.primary_caseworker_id = ${p}`
      : query.caseworkerRole === 'backup'
        ? (p) => `w.backup_caseworker_id = ${p}`
        : onWatch,
  );
  where.andIf(query.clientId, (p) => `w.client_id = ${p}`);
  if (query.neighbourhood !== undefined) {
    where.and(
      `EXISTS (SELECT 1 FROM clients fc WHERE fc.id = w.client_id
         AND ${neighbourhoodCondition(where, 'fc.neighbourhood', query.neighbourhood)})`,
    );
  }
  const lapsed = dayRangeConditions(
    where,
    'le.at',
    organisationTimeZoneSql(organisation),
    query.lapsedFrom,
    query.lapsedTo,
  );
  if (lapsed.length > 0) {
    // watch_events_org_lapsed_idx: the organisation's lapses in the range.
    where.and(
      `w.id IN (SELECT le.watch_id FROM watch_events le
         WHERE le.organisation_id = ${organisation} AND le.type = 'lapsed' AND ${lapsed.join(' AND ')})`,
    );
  }
  return where;
}
