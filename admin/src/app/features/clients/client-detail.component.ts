import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  WATCH_END_REASONS,
  type CheckIn,
  type Client,
  type Watch,
  type WatchAction,
  type WatchEndReason,
  type WatchEvent,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import type { Message } from '../../shared/forms/form-messages';
import { CheckInsService } from '../check-ins/check-ins.service';
import { WatchesService, allowedActions } from '../watches/watches.service';
import { ClientsService } from './clients.service';

const PLAN_PHASES = ['green', 'orange', 'red'] as const;

/** The client page: details, the open watch, agreements, signaleringsplan, timeline and check-ins. */
@Component({
  selector: 'wv-client-detail',
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './client-detail.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDetailComponent {
  private readonly auth = inject(AuthService);
  private readonly watches = inject(WatchesService);
  private readonly checkIns = inject(CheckInsService);
  private readonly clients = inject(ClientsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);
  private readonly endDialog = viewChild<ElementRef<HTMLDialogElement>>('endDialog');

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly phases = PLAN_PHASES;
  protected readonly endReasons = WATCH_END_REASONS;

  protected readonly client = signal<Client | null>(null);
  protected readonly watch = signal<Watch | null>(null);
  protected readonly events = signal<WatchEvent[]>([]);
  protected readonly history = signal<CheckIn[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly alert = signal<Message | null>(null);

  protected readonly endReason = signal<WatchEndReason | null>(null);
  protected readonly endNote = signal('');
  protected readonly endAttempted = signal(false);
  private endTrigger: HTMLElement | null = null;

  protected readonly canManage = computed(() => {
    const role = this.auth.me()?.role;
    return role === 'admin' || role === 'coordinator';
  });

  protected readonly actions = computed<readonly WatchAction[]>(() => {
    const watch = this.watch();
    return watch && this.canManage() ? allowedActions(watch.status) : [];
  });

  protected readonly isOpen = computed(() => {
    const watch = this.watch();
    return watch !== null && watch.status !== 'ended';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected reasonLabel(event: WatchEvent): string | null {
    if (!event.reason) return null;
    return (WATCH_END_REASONS as readonly string[]).includes(event.reason)
      ? `endReasons.${event.reason}`
      : null;
  }

  protected async act(action: WatchAction, trigger: HTMLElement): Promise<void> {
    if (action === 'end') {
      this.openEndDialog(trigger);
      return;
    }
    await this.transition(action, {});
  }

  protected chooseEndReason(reason: WatchEndReason): void {
    this.endReason.set(reason);
  }

  protected typeEndNote(event: Event): void {
    this.endNote.set((event.target as HTMLTextAreaElement).value);
  }

  protected async confirmEnd(event: Event): Promise<void> {
    event.preventDefault();
    this.endAttempted.set(true);
    const reason = this.endReason();
    if (!reason) {
      return;
    }
    const note = this.endNote().trim();
    this.closeEndDialog(false);
    await this.transition('end', note ? { reason, note } : { reason });
  }

  protected cancelEnd(event?: Event): void {
    event?.preventDefault();
    this.closeEndDialog(true);
  }

  protected async load(id: string): Promise<void> {
    this.loadError.set(false);
    try {
      const client = await this.clients.get(id);
      this.client.set(client);
      const watchId = client.openWatch?.id ?? (this.watch()?.client.id === id ? this.watch()?.id : undefined);
      if (watchId) {
        await this.loadWatch(watchId);
      } else {
        this.watch.set(null);
        this.events.set([]);
        this.history.set([]);
      }
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  private async loadWatch(watchId: string): Promise<void> {
    const [watch, events, history] = await Promise.all([
      this.watches.get(watchId),
      this.watches.events(watchId),
      this.checkIns.forWatch(watchId),
    ]);
    this.watch.set(watch);
    this.events.set(events);
    this.history.set([...history].sort((a, b) => b.dueDate.localeCompare(a.dueDate)));
  }

  private async transition(action: WatchAction, request: { reason?: string; note?: string }): Promise<void> {
    const watch = this.watch();
    if (!watch || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.status.set(null);
    this.alert.set(null);
    try {
      const updated = await this.watches.transition(watch.id, action, request);
      this.watch.set(updated);
      this.status.set({ key: `clients.detail.done.${action}` });
      await this.loadWatch(updated.id).catch(() => undefined);
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      this.alert.set({ key: status === 409 ? 'clients.detail.conflict' : 'forms.errors.unavailable' });
      if (status === 409) {
        await this.loadWatch(watch.id).catch(() => undefined);
      }
    } finally {
      this.busy.set(false);
      this.focusWatchHeading();
    }
  }

  private openEndDialog(trigger: HTMLElement): void {
    this.endTrigger = trigger;
    this.endReason.set(null);
    this.endNote.set('');
    this.endAttempted.set(false);
    const dialog = this.endDialog()?.nativeElement;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    afterNextRender(
      { write: () => dialog.querySelector<HTMLElement>('input[type=radio]')?.focus() },
      { injector: this.injector },
    );
  }

  private closeEndDialog(restoreFocus: boolean): void {
    const dialog = this.endDialog()?.nativeElement;
    if (dialog) {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      dialog.removeAttribute('open');
    }
    if (restoreFocus) this.endTrigger?.focus();
    this.endTrigger = null;
  }

  private focusWatchHeading(): void {
    afterNextRender(
      { write: () => this.document.getElementById('watch-heading')?.focus() },
      { injector: this.injector },
    );
  }
}
