import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  REASSIGN_REASON_MAX,
  type CaseloadRow,
  type ReassignRole,
  type ReassignWatchesResult,
  type Watch,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import { serverFieldMessages, type Message, type SummaryEntry } from '../../shared/forms/form-messages';
import { RadioOptionComponent } from '../../shared/forms/radio-option.component';
import { newIdempotencyKey } from '../../shared/http/idempotency-key';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { CaseloadBalanceService } from './caseload-balance.service';

const IDS = {
  source: 'reassign-source',
  selectAll: 'reassign-select-all',
  target: 'reassign-target',
  reason: 'reassign-reason',
  previewHeading: 'reassign-preview-heading',
} as const;

/**
 * Bulk reassignment on Caseloadbalans: pick a caseworker, tick her watches, pick who takes them over and as
 * primary or backup, look at the preview (what changes, what is skipped and why), then hand them over. The result
 * is announced in the live region and `reassigned` lets the page refresh its table.
 */
@Component({
  selector: 'wv-reassign-panel',
  imports: [
    TranslocoPipe,
    ErrorSummaryComponent,
    FormFieldComponent,
    RadioOptionComponent,
    LiveMessagesComponent,
  ],
  templateUrl: './reassign-panel.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReassignPanelComponent {
  private readonly service = inject(CaseloadBalanceService);
  protected readonly dates = inject(DateFormatService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  readonly caseworkers = input.required<readonly CaseloadRow[]>();
  /** Watches changed: the page reloads the balance. */
  readonly reassigned = output<ReassignWatchesResult>();

  protected readonly ids = IDS;
  protected readonly reasonMax = REASSIGN_REASON_MAX;
  protected readonly sourceId = signal<string | null>(null);
  protected readonly watches = signal<Watch[]>([]);
  protected readonly watchesLoaded = signal(false);
  protected readonly watchesError = signal(false);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly targetId = signal<string | null>(null);
  protected readonly role = signal<ReassignRole>('primary');
  protected readonly reason = signal('');
  protected readonly preview = signal<ReassignWatchesResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly entries = signal<SummaryEntry[]>([]);
  protected readonly formError = signal<Message | null>(null);
  protected readonly status = signal<Message | null>(null);
  /** One key per preview shown: a repeated "Overdragen" is the same request. */
  private applyKey = newIdempotencyKey();

  protected readonly targets = computed(() =>
    this.caseworkers().filter((row) => row.caseworker.id !== this.sourceId()),
  );
  protected readonly allSelected = computed(
    () => this.watches().length > 0 && this.selected().size === this.watches().length,
  );
  protected readonly someSelected = computed(() => this.selected().size > 0 && !this.allSelected());
  private readonly names = computed(
    () => new Map(this.caseworkers().map((row) => [row.caseworker.id, row.caseworker.displayName])),
  );

  protected async chooseSource(event: Event): Promise<void> {
    const id = (event.target as HTMLSelectElement).value || null;
    this.sourceId.set(id);
    this.selected.set(new Set());
    this.watches.set([]);
    this.reset();
    if (this.targetId() === id) this.targetId.set(null);
    if (id) await this.loadWatches(id);
  }

  protected async loadWatches(id = this.sourceId()): Promise<void> {
    if (!id) return;
    this.watchesLoaded.set(false);
    this.watchesError.set(false);
    try {
      this.watches.set(await this.service.openWatchesOf(id));
    } catch {
      this.watchesError.set(true);
    } finally {
      this.watchesLoaded.set(true);
    }
  }

  protected toggle(watchId: string): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (next.has(watchId)) next.delete(watchId);
      else next.add(watchId);
      return next;
    });
    this.reset();
  }

  protected toggleAll(): void {
    this.selected.set(this.allSelected() ? new Set() : new Set(this.watches().map((w) => w.id)));
    this.reset();
  }

  protected chooseTarget(event: Event): void {
    this.targetId.set((event.target as HTMLSelectElement).value || null);
    this.reset();
  }

  protected chooseRole(role: ReassignRole): void {
    this.role.set(role);
    this.reset();
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.reset();
  }

  /** The watch's role of the chosen caseworker. */
  protected roleOf(watch: Watch): ReassignRole {
    return watch.primaryCaseworker.id === this.sourceId() ? 'primary' : 'backup';
  }

  protected referenceOf(watchId: string): string {
    return this.watches().find((w) => w.id === watchId)?.client.reference ?? watchId;
  }

  protected async showPreview(event: Event): Promise<void> {
    event.preventDefault();
    this.status.set(null);
    const entries: SummaryEntry[] = [];
    if (this.selected().size === 0)
      entries.push({
        id: IDS.selectAll,
        labelKey: 'caseloadBalance.reassign.watches',
        message: { key: 'caseloadBalance.reassign.noneSelected' },
      });
    if (!this.targetId())
      entries.push({
        id: IDS.target,
        labelKey: 'caseloadBalance.reassign.target',
        message: { key: 'forms.errors.required' },
      });
    if (this.reason().length > REASSIGN_REASON_MAX)
      entries.push({
        id: IDS.reason,
        labelKey: 'caseloadBalance.reassign.reason',
        message: { key: 'forms.errors.maxLength', params: { max: REASSIGN_REASON_MAX } },
      });
    this.entries.set(entries);
    this.formError.set(null);
    if (entries.length > 0) return this.focusSummary();
    const result = await this.send(true);
    if (!result) return;
    this.applyKey = newIdempotencyKey();
    this.preview.set(result);
    this.focus(IDS.previewHeading);
  }

  protected async apply(): Promise<void> {
    if (!this.preview() || this.busy()) return;
    const result = await this.send(false);
    if (!result) return;
    const to = this.names().get(this.targetId() ?? '') ?? '';
    this.status.set({
      key: 'caseloadBalance.reassign.done',
      params: { changed: result.changes.length, skipped: result.skipped.length, name: to },
    });
    this.preview.set(null);
    this.selected.set(new Set());
    this.reassigned.emit(result);
    await this.loadWatches();
  }

  private async send(preview: boolean): Promise<ReassignWatchesResult | null> {
    const target = this.targetId();
    if (!target) return null;
    this.busy.set(true);
    try {
      const reason = this.reason().trim();
      return await this.service.reassign(
        {
          watchIds: [...this.selected()],
          toCaseworkerId: target,
          role: this.role(),
          ...(reason ? { reason } : {}),
          ...(preview ? { preview: true } : {}),
        },
        preview ? newIdempotencyKey() : this.applyKey,
      );
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const fields = serverFieldMessages<'target' | 'reason'>(error, (field) =>
        field === 'toCaseworkerId' ? 'target' : field === 'reason' ? 'reason' : null,
      );
      const entries: SummaryEntry[] = [];
      if (fields.target)
        entries.push({ id: IDS.target, labelKey: 'caseloadBalance.reassign.target', message: fields.target });
      if (fields.reason)
        entries.push({ id: IDS.reason, labelKey: 'caseloadBalance.reassign.reason', message: fields.reason });
      this.entries.set(entries);
      this.formError.set(
        entries.length > 0
          ? null
          : { key: status === 403 ? 'caseloadBalance.reassign.forbidden' : 'forms.errors.unavailable' },
      );
      this.focusSummary();
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  /** Any change of the choice makes the preview stale. */
  private reset(): void {
    this.preview.set(null);
    this.entries.set([]);
    this.formError.set(null);
  }

  private focusSummary(): void {
    afterNextRender(
      {
        write: () =>
          this.document
            .querySelector<HTMLElement>(
              'wv-reassign-panel [data-testid=error-summary] a, [data-testid=error-summary]',
            )
            ?.focus(),
      },
      { injector: this.injector },
    );
  }

  private focus(id: string): void {
    afterNextRender({ write: () => this.document.getElementById(id)?.focus() }, { injector: this.injector });
  }
}
