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
  type PartnerOrganisationSummary,
  type ReactivationCreated,
  type ReactivationRequest,
  type Watch,
  type WatchAction,
  type WatchEndReason,
  type WatchEvent,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import type { Message } from '../../shared/forms/form-messages';
import { RadioOptionComponent } from '../../shared/forms/radio-option.component';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { tickingClock } from '../../shared/time/ticking-clock';
import { CheckInHistoryComponent } from '../../shared/watch/check-in-history.component';
import { SignaleringsplanComponent } from '../../shared/watch/signaleringsplan.component';
import { WatchTimelineComponent } from '../../shared/watch/watch-timeline.component';
import { CheckInsService } from '../check-ins/check-ins.service';
import { ClientPrivacyComponent } from '../privacy/client-privacy.component';
import { PartnerOrganisationsService } from '../partner-organisations/partner-organisations.service';
import { ReactivationDialogComponent } from '../reactivations/reactivation-dialog.component';
import { ReactivationsService } from '../reactivations/reactivations.service';
import { SlaCountdownComponent } from '../reactivations/sla-countdown.component';
import { WatchesService, allowedActions, canReopen, reopenDeadline } from '../watches/watches.service';
import { ClientsService } from './clients.service';

/** One partner the resident agreed to share data with; `null` details when the partner list is unavailable. */
interface SharedPartner {
  id: string;
  partner: PartnerOrganisationSummary | null;
}

/**
 * The client page: details with consent, the latest watch (open or ended) with its agreements,
 * signaleringsplan, timeline and check-ins.
 */
@Component({
  selector: 'wv-client-detail',
  imports: [
    RouterLink,
    TranslocoPipe,
    CheckInHistoryComponent,
    ClientPrivacyComponent,
    LiveMessagesComponent,
    RadioOptionComponent,
    ReactivationDialogComponent,
    SignaleringsplanComponent,
    SlaCountdownComponent,
    WatchTimelineComponent,
  ],
  templateUrl: './client-detail.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDetailComponent {
  private readonly auth = inject(AuthService);
  private readonly watches = inject(WatchesService);
  private readonly checkIns = inject(CheckInsService);
  private readonly clients = inject(ClientsService);
  private readonly partnerOrganisations = inject(PartnerOrganisationsService);
  private readonly reactivations = inject(ReactivationsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);
  private readonly endDialog = viewChild<ElementRef<HTMLDialogElement>>('endDialog');
  private readonly reactivationDialog = viewChild(ReactivationDialogComponent);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly endReasons = WATCH_END_REASONS;

  protected readonly client = signal<Client | null>(null);
  /** The client's latest watch: the open one, or else the most recently ended one. */
  protected readonly watch = signal<Watch | null>(null);
  /** The organisation's partners; null when they could not be loaded. */
  private readonly partners = signal<PartnerOrganisationSummary[] | null>(null);
  protected readonly events = signal<WatchEvent[]>([]);
  protected readonly history = signal<CheckIn[]>([]);
  /** The watch's reactivation request that is still open (open, accepted or contacted), if any. */
  protected readonly openRequest = signal<ReactivationRequest | null>(null);
  /** For the SLA countdown. */
  protected readonly now = tickingClock();
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
    if (!watch || !this.canManage()) return [];
    return allowedActions(watch.status).filter((action) => action !== 'reopen' || canReopen(watch));
  });

  protected readonly isOpen = computed(() => {
    const watch = this.watch();
    return watch !== null && watch.status !== 'ended';
  });

  protected readonly isEnded = computed(() => this.watch()?.status === 'ended');

  /**
   * "Heractiveren": staff who may see the client (a caseworker only sees their own clients) on a watch that has not
   * ended. The API decides in the end.
   */
  protected readonly canReactivate = computed(() => {
    const role = this.auth.me()?.role;
    return this.isOpen() && (role === 'admin' || role === 'coordinator' || role === 'caseworker');
  });

  /** The watch's pre-notice to the resident: "2 werkdagen", "1 werkdag" or "Geen" for 0. */
  protected readonly preNotice = computed<Message | null>(() => {
    const days = this.watch()?.preNoticeWorkingDays;
    if (days === undefined) return null;
    if (days === 0) return { key: 'common.none' };
    return days === 1
      ? { key: 'watch.oneWorkingDay' }
      : { key: 'watch.workingDays', params: { count: days } };
  });

  /** For an ended watch: when reopening stops being possible, and whether that is still ahead. */
  protected readonly reopenInfo = computed<Message | null>(() => {
    const watch = this.watch();
    if (!watch || watch.status !== 'ended') return null;
    if (!canReopen(watch)) return { key: 'clients.detail.reopenExpired' };
    const deadline = reopenDeadline(watch);
    return deadline
      ? {
          key: 'clients.detail.reopenUntil',
          params: { date: this.dates.date(deadline.toISOString().slice(0, 10)) },
        }
      : { key: 'clients.detail.reopenPossible' };
  });

  /** The partners the resident's consent covers, in the order of the partner list. */
  protected readonly sharedWith = computed<SharedPartner[]>(() => {
    const ids = this.client()?.consent.sharingPartnerIds ?? [];
    const partners = this.partners();
    return ids
      .map((id) => ({ id, partner: partners?.find((candidate) => candidate.id === id) ?? null }))
      .sort((a, b) => (a.partner?.name ?? '\uffff').localeCompare(b.partner?.name ?? '\uffff'));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected openReactivate(trigger: HTMLElement): void {
    const watch = this.watch();
    const client = this.client();
    if (!watch || !client) return;
    this.status.set(null);
    this.alert.set(null);
    this.reactivationDialog()?.open(watch.id, client.name, trigger);
  }

  /** The dialog sent the request: show it, say whether it joined an open one, and move focus there. */
  protected reactivated(result: ReactivationCreated): void {
    this.openRequest.set(result.request);
    const assignee = result.request.assignee?.displayName;
    this.status.set(
      result.merged
        ? { key: 'reactivate.merged' }
        : assignee
          ? { key: 'reactivate.createdAssigned', params: { name: assignee } }
          : { key: 'reactivate.createdPool' },
    );
    afterNextRender(
      { write: () => this.document.getElementById('reactivation-heading')?.focus() },
      { injector: this.injector },
    );
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
      const [client, latest, partners] = await Promise.all([
        this.clients.get(id),
        this.watches.latestFor(id),
        this.partnerOrganisations.list().catch(() => null),
      ]);
      this.client.set(client);
      this.partners.set(partners);
      const watch = latest?.client.id === id ? latest : null;
      if (client.openWatch && client.openWatch.id !== watch?.id) {
        // The list is newest first, so this should not happen; the open watch wins.
        await this.loadWatch(client.openWatch.id);
      } else if (watch) {
        await this.loadTimeline(watch);
      } else {
        this.watch.set(null);
        this.openRequest.set(null);
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
    const [watch, events, history, request] = await Promise.all([
      this.watches.get(watchId),
      this.watches.events(watchId),
      this.checkIns.forWatch(watchId),
      this.loadOpenRequest(watchId),
    ]);
    this.showWatch(watch, events, history, watch.status === 'ended' ? null : request);
  }

  /** The watch itself is known already (from the client's watch list): fetch its timeline and check-ins. */
  private async loadTimeline(watch: Watch): Promise<void> {
    const [events, history, request] = await Promise.all([
      this.watches.events(watch.id),
      this.checkIns.forWatch(watch.id),
      watch.status === 'ended' ? Promise.resolve(null) : this.loadOpenRequest(watch.id),
    ]);
    this.showWatch(watch, events, history, request);
  }

  /** The open request of the watch; the page works without it when it cannot be loaded. */
  private loadOpenRequest(watchId: string): Promise<ReactivationRequest | null> {
    return this.reactivations.openFor(watchId).catch(() => null);
  }

  private showWatch(
    watch: Watch,
    events: WatchEvent[],
    history: CheckIn[],
    request: ReactivationRequest | null,
  ): void {
    this.watch.set(watch);
    this.openRequest.set(request);
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
