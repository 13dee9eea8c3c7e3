import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  AUDIT_EVENTS_EXPORT_PATH,
  AUDIT_EVENT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditEvent,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ExportLinkComponent } from '../../shared/lists/export-link.component';
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { InputFilterComponent } from '../../shared/lists/input-filter.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PagedList } from '../../shared/lists/paged-list';
import { UrlFilters, isIsoDay, isUuid, oneOf, withQuery } from '../../shared/lists/url-filters';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { AuditLogService } from './audit-log.service';

const isResource = (value: string): boolean =>
  /^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/.test(value) && value.length <= 100;

/**
 * "Logboek" (coordinators, admins): the organisation's audit log (NEN 7513), newest first. The filters live in the
 * URL (a link opens the filtered log; back steps through changes) and go with the CSV export, which is logged too.
 */
@Component({
  selector: 'wv-audit-log',
  imports: [
    TranslocoPipe,
    ExportLinkComponent,
    FilterSelectComponent,
    InputFilterComponent,
    ListStateComponent,
    PaginationComponent,
  ],
  templateUrl: './audit-log.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogComponent {
  private readonly audit = inject(AuditLogService);
  protected readonly dates = inject(DateFormatService);

  protected readonly actions = AUDIT_EVENT_ACTIONS;
  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly filters = new UrlFilters({
    from: isIsoDay,
    to: isIsoDay,
    action: oneOf(AUDIT_EVENT_ACTIONS),
    outcome: oneOf(AUDIT_OUTCOMES),
    resource: isResource,
    userId: isUuid,
    clientId: isUuid,
  });
  protected readonly list = new PagedList<AuditEvent>(
    (page, pageSize) => this.audit.list(this.filters.values(), page, pageSize),
    () => this.filters.values(),
  );
  protected readonly exportHref = computed(() => withQuery(AUDIT_EVENTS_EXPORT_PATH, this.filters.values()));

  protected choose(key: 'action' | 'outcome', event: Event): void {
    void this.filters.set({ [key]: (event.target as HTMLSelectElement).value || null });
  }

  protected setFilter(key: 'from' | 'to' | 'resource', value: string | null): void {
    void this.filters.set({ [key]: value });
  }

  /** "Medewerker (rol)", the partner, or the system / the resident's link. */
  protected who(event: AuditEvent): string | null {
    return event.user?.displayName ?? event.partnerOrganisation?.name ?? null;
  }
}
