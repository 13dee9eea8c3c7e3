import { Injectable } from '@nestjs/common';
import type { Dashboard, DashboardNeighbourhoods, DashboardQuery } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import {
  type CheckInRow,
  type CountRow,
  type NameRow,
  type ReactivationRow,
  type SignalRow,
  type WatchRow,
  assembleDashboard,
  assembleNeighbourhoods,
} from './dashboard-assembly.util';
import { type DashboardPeriod, resolvePeriod } from './dashboard-period.util';
import {
  type DashboardFilter,
  type DashboardStatement,
  checkInStatement,
  lapseStatement,
  namesStatement,
  reactivationStatement,
  signalStatement,
  watchStatusStatement,
} from './dashboard-sql.util';

/**
 * The coordinator's figures. Each table is read once, by one statement that returns the total and every grouping
 * the page shows (GROUPING SETS), and the statements run at the same time on separate connections: a fixed
 * number of queries per request, whatever the number of watches, caseworkers, weeks or wijken.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
  ) {}

  async dashboard(scope: TenantScope, query: DashboardQuery, now: Date): Promise<Dashboard> {
    const { filter, period } = await this.prepare(scope, query, now);
    const [watches, checkIns, lapses, reactivations, signals] = await Promise.all([
      this.rows<WatchRow>(watchStatusStatement(filter, ['caseworker'])),
      this.rows<CheckInRow>(checkInStatement(filter, period, ['week', 'caseworker'])),
      this.rows<CountRow>(lapseStatement(filter, period, ['week'])),
      this.rows<ReactivationRow>(reactivationStatement(filter, period, now, ['week', 'caseworker'])),
      this.rows<SignalRow>(signalStatement(filter, period, ['week', 'partner', 'category'])),
    ]);
    const named = new Set<string>();
    for (const row of [...watches, ...checkIns, ...reactivations])
      if (row.dim === 'caseworker' && row.key) named.add(row.key);
    const names = await this.rows<NameRow>(namesStatement(scope.organisationId, [...named]));
    return assembleDashboard(filter, period, { watches, checkIns, lapses, reactivations, signals, names });
  }

  async neighbourhoods(
    scope: TenantScope,
    query: Pick<DashboardQuery, 'from' | 'to'>,
    now: Date,
  ): Promise<DashboardNeighbourhoods> {
    const { filter, period } = await this.prepare(scope, { from: query.from, to: query.to }, now);
    const [watches, checkIns, lapses, reactivations, signals] = await Promise.all([
      this.rows<WatchRow>(watchStatusStatement(filter, ['neighbourhood'])),
      this.rows<CheckInRow>(checkInStatement(filter, period, ['neighbourhood'])),
      this.rows<CountRow>(lapseStatement(filter, period, ['neighbourhood'])),
      this.rows<ReactivationRow>(reactivationStatement(filter, period, now, ['neighbourhood'])),
      this.rows<SignalRow>(signalStatement(filter, period, ['neighbourhood'])),
    ]);
    return {
      from: period.from,
      to: period.to,
      items: assembleNeighbourhoods({ watches, checkIns, lapses, reactivations, signals }),
    };
  }

  private async prepare(
    scope: TenantScope,
    query: DashboardQuery,
    now: Date,
  ): Promise<{ filter: DashboardFilter; period: DashboardPeriod }> {
    const calendar = await this.calendars.forOrganisation(scope.organisationId);
    return {
      period: resolvePeriod(calendar, query, now),
      filter: {
        organisationId: scope.organisationId,
        caseworkerId: query.caseworkerId ?? null,
        neighbourhood: query.neighbourhood === undefined ? null : query.neighbourhood.trim(),
      },
    };
  }

  private rows<R>(statement: DashboardStatement): Promise<R[]> {
    return this.dataSource.query(statement.sql, statement.params);
  }
}
