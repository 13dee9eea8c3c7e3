import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DRILL_DOWN_ROUTES, type DashboardNeighbourhoods } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { DashboardLinks, dashboardQueryFrom } from './dashboard-links.util';
import { DashboardService } from './dashboard.service';

/**
 * "Per wijk": the dashboard's figures per neighbourhood of the clients, for the same period, each linking to the
 * list behind it narrowed to that wijk (and to the overview for that wijk).
 */
@Component({
  selector: 'wv-neighbourhoods',
  imports: [RouterLink, TranslocoPipe, ListStateComponent],
  templateUrl: './neighbourhoods.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NeighbourhoodsComponent {
  private readonly api = inject(DashboardService);
  protected readonly dates = inject(DateFormatService);
  protected readonly routes = DRILL_DOWN_ROUTES;

  protected readonly result = signal<DashboardNeighbourhoods | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  private readonly period = computed(() => {
    const q = dashboardQueryFrom({
      from: this.params().get('from') ?? undefined,
      to: this.params().get('to') ?? undefined,
    });
    return { from: q.from, to: q.to };
  });

  constructor() {
    effect(() => {
      this.period();
      untracked(() => void this.load());
    });
  }

  /** Links narrowed to one wijk ('' for clients without one). */
  protected linksFor(hood: string | null): DashboardLinks {
    const r = this.result();
    return new DashboardLinks({
      from: r?.from ?? '',
      to: r?.to ?? '',
      caseworkerId: null,
      neighbourhood: hood ?? '',
    });
  }

  protected inView(watches: Record<string, number>): number {
    return (
      (watches['active'] ?? 0) +
      (watches['paused'] ?? 0) +
      (watches['lapsed'] ?? 0) +
      (watches['reactivated'] ?? 0)
    );
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      this.result.set(await this.api.neighbourhoods(this.period()));
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}
