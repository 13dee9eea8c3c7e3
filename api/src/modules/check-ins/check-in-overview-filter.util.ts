import type { CheckInListDrillDown } from '@waakvlam/contracts';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import {
  SqlWhere,
  neighbourhoodCondition,
  organisationTimeZoneSql,
} from '../../core/database/sql-where.util';
import { checkInTimelinessConditionSql } from './check-in-timeliness.util';

/**
 * The check-in overview's WHERE on `check_ins ci` alone (no join needed: the page is chosen and counted on
 * check_ins_org_due_idx, then only its rows are joined), shared by the page and the export: the organisation's
 * check-ins that count (not cancelled: they have no timeliness), due in dueFrom..dueTo, by timeliness, by the
 * check-in's caseworker and by the client's neighbourhood.
 */
export function checkInOverviewWhere(scope: TenantScope, query: CheckInListDrillDown): SqlWhere {
  const where = new SqlWhere();
  const organisation = where.param(scope.organisationId);
  where.and(`ci.organisation_id = ${organisation}`).and(`ci.status <> 'cancelled'`);
  where.andIf(query.dueFrom, (p) => `ci.due_date >= ${p}::date`);
  where.andIf(query.dueTo, (p) => `ci.due_date <= ${p}::date`);
  if (query.timeliness) {
    where.and(checkInTimelinessConditionSql('ci', organisationTimeZoneSql(organisation), query.timeliness));
  }
  where.andIf(query.caseworkerId, (p) => `ci.caseworker_id = ${p}`);
  if (query.neighbourhood !== undefined) {
    where.and(
      `EXISTS (SELECT 1 FROM watches fw JOIN clients fc ON fc.id = fw.client_id WHERE fw.id = ci.watch_id
         AND ${neighbourhoodCondition(where, 'fc.neighbourhood', query.neighbourhood)})`,
    );
  }
  return where;
}
