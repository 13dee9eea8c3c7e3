import type {
  CheckInListDrillDown,
  CheckInTimeliness,
  Dashboard,
  DashboardQuery,
  ReactivationListDrillDown,
  SignalListDrillDown,
  WatchListDrillDown,
  WatchStatus,
} from '@waakvlam/contracts';

/** Query parameters for a router link: only the set ones, as strings. */
export type LinkParams = Record<string, string>;

const compact = (params: Record<string, string | boolean | undefined | null>): LinkParams => {
  const out: LinkParams = {};
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== false) out[name] = String(value);
  return out;
};

const IDS = /^[0-9a-f-]{36}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's filters from the page's query parameters (anything malformed is left out; the API checks). */
export function dashboardQueryFrom(params: Readonly<Record<string, string | undefined>>): DashboardQuery {
  const query: DashboardQuery = {};
  if (params['from'] && DATE.test(params['from'])) query.from = params['from'];
  if (params['to'] && DATE.test(params['to'])) query.to = params['to'];
  if (params['caseworkerId'] && IDS.test(params['caseworkerId'])) query.caseworkerId = params['caseworkerId'];
  if (params['neighbourhood'] !== undefined) query.neighbourhood = params['neighbourhood'];
  return query;
}

/** Links from each figure of a dashboard to the list behind it, with the dashboard's own period and filters. */
export class DashboardLinks {
  constructor(private readonly d: Pick<Dashboard, 'from' | 'to' | 'caseworkerId' | 'neighbourhood'>) {}

  /** The dashboard counts watches by their primary caseworker; the watch list must narrow the same way. */
  private get primary(): { caseworkerRole?: 'primary' } {
    return this.d.caseworkerId ? { caseworkerRole: 'primary' } : {};
  }

  private get narrow(): { caseworkerId?: string; neighbourhood?: string } {
    return {
      ...(this.d.caseworkerId ? { caseworkerId: this.d.caseworkerId } : {}),
      ...(this.d.neighbourhood !== null ? { neighbourhood: this.d.neighbourhood } : {}),
    };
  }

  watches(status: WatchStatus, caseworkerId?: string): LinkParams {
    const filter: WatchListDrillDown = {
      ...this.narrow,
      ...this.primary,
      status,
      ...(caseworkerId ? { caseworkerId, caseworkerRole: 'primary' } : {}),
    };
    return compact({ ...filter });
  }

  /** The watches in view (not ended). */
  openWatches(): LinkParams {
    const filter: WatchListDrillDown = { ...this.narrow, ...this.primary, open: true };
    return compact({ ...filter });
  }

  lapses(): LinkParams {
    const filter: WatchListDrillDown = {
      ...this.narrow,
      ...this.primary,
      lapsedFrom: this.d.from,
      lapsedTo: this.d.to,
    };
    return compact({ ...filter });
  }

  checkIns(
    timeliness?: CheckInTimeliness,
    range?: { from: string; to: string },
    caseworkerId?: string,
  ): LinkParams {
    const filter: CheckInListDrillDown = {
      ...this.narrow,
      dueFrom: range?.from ?? this.d.from,
      dueTo: range?.to ?? this.d.to,
      ...(timeliness ? { timeliness } : {}),
      ...(caseworkerId ? { caseworkerId } : {}),
    };
    return compact({ ...filter });
  }

  reactivations(
    extra: Pick<ReactivationListDrillDown, 'source' | 'slaBreached' | 'withoutIntake' | 'caseworkerId'> = {},
    range?: { from: string; to: string },
  ): LinkParams {
    const filter: ReactivationListDrillDown = {
      ...this.narrow,
      createdFrom: range?.from ?? this.d.from,
      createdTo: range?.to ?? this.d.to,
      ...extra,
    };
    return compact({ ...filter });
  }

  signals(
    extra: Pick<SignalListDrillDown, 'category' | 'partnerOrganisationId' | 'awaitingFeedback'> = {},
    range?: { from: string; to: string },
  ): LinkParams {
    const filter: SignalListDrillDown = {
      ...this.narrow,
      receivedFrom: range?.from ?? this.d.from,
      receivedTo: range?.to ?? this.d.to,
      ...extra,
    };
    return compact({ ...filter });
  }
}

/** The Sunday that ends the week starting on `monday`. */
export function weekEnd(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
}
