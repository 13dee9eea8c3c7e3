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
  REACTIVATION_NOTE_MAX,
  REACTIVATION_RESOLUTIONS,
  type PartnerOrganisationSummary,
  type ReactivationRequestDetail,
  type ReactivationResolution,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { RadioOptionComponent } from '../../shared/forms/radio-option.component';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { tickingClock } from '../../shared/time/ticking-clock';
import { CheckInHistoryComponent } from '../../shared/watch/check-in-history.component';
import { SignaleringsplanComponent } from '../../shared/watch/signaleringsplan.component';
import { WatchTimelineComponent } from '../../shared/watch/watch-timeline.component';
import { PartnerOrganisationsService } from '../partner-organisations/partner-organisations.service';
import { UsersService, type StaffUser } from '../users/users.service';
import { ReactivationsService, isOpen } from './reactivations.service';
import { SlaCountdownComponent } from './sla-countdown.component';

/** A lifecycle step offered as a button. */
type Step = 'accept' | 'contacted' | 'resolve' | 'cancel';

/** Which dialog is open: the ones that need input. */
type DialogMode = 'resolve' | 'cancel';

/**
 * One reactivation request: where it stands (SLA), its reasons, the lifecycle steps and, for coordinators, the
 * assignment; and everything already agreed on the watch (agreements, signaleringsplan, consent, recent timeline
 * and check-ins), so that support restarts without a new intake.
 */
@Component({
  selector: 'wv-reactivation-detail',
  imports: [
    RouterLink,
    TranslocoPipe,
    CheckInHistoryComponent,
    FieldControlDirective,
    FormFieldComponent,
    LiveMessagesComponent,
    RadioOptionComponent,
    SignaleringsplanComponent,
    SlaCountdownComponent,
    WatchTimelineComponent,
  ],
  templateUrl: './reactivation-detail.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReactivationDetailComponent {
  private readonly auth = inject(AuthService);
  private readonly reactivations = inject(ReactivationsService);
  private readonly users = inject(UsersService);
  private readonly partnerOrganisations = inject(PartnerOrganisationsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);
  private readonly stepDialog = viewChild<ElementRef<HTMLDialogElement>>('stepDialog');

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly resolutions = REACTIVATION_RESOLUTIONS;
  protected readonly noteMax = REACTIVATION_NOTE_MAX;
  protected readonly now = tickingClock();

  protected readonly request = signal<ReactivationRequestDetail | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly alert = signal<Message | null>(null);
  protected readonly staff = signal<StaffUser[]>([]);
  private readonly partners = signal<PartnerOrganisationSummary[] | null>(null);
  protected readonly chosenAssignee = signal('');

  protected readonly dialogMode = signal<DialogMode | null>(null);
  protected readonly resolution = signal<ReactivationResolution | null>(null);
  protected readonly dialogText = signal('');
  protected readonly dialogAttempted = signal(false);
  private dialogTrigger: HTMLElement | null = null;

  protected readonly isManager = computed(() => {
    const role = this.auth.me()?.role;
    return role === 'admin' || role === 'coordinator';
  });

  /** Coordinators and admins act on any request; others only on the ones assigned to them (as the API). */
  protected readonly mayAct = computed(() => {
    const request = this.request();
    if (!request) return false;
    return this.isManager() || (request.assignee !== null && request.assignee.id === this.auth.me()?.id);
  });

  protected readonly steps = computed<Step[]>(() => {
    const request = this.request();
    if (!request || !this.mayAct()) return [];
    switch (request.status) {
      case 'open':
        return ['accept', 'cancel'];
      case 'accepted':
        return ['contacted', 'cancel'];
      case 'contacted':
        return ['resolve', 'cancel'];
      default:
        return [];
    }
  });

  protected readonly canAssign = computed(() => {
    const request = this.request();
    return request !== null && this.isManager() && isOpen(request);
  });

  protected readonly sharedWith = computed(() => {
    const ids = this.request()?.consent.sharingPartnerIds ?? [];
    const partners = this.partners();
    return ids.map((id) => partners?.find((partner) => partner.id === id)?.name ?? null);
  });

  protected readonly dialogErrors = computed<{ resolution?: Message; text?: Message }>(() => {
    if (!this.dialogAttempted()) return {};
    const errors: { resolution?: Message; text?: Message } = {};
    const text = this.dialogText().trim();
    if (this.dialogMode() === 'resolve' && this.resolution() === null) {
      errors.resolution = { key: 'reactivation.errors.resolutionRequired' };
    }
    if (this.dialogMode() === 'cancel' && text === '')
      errors.text = { key: 'reactivation.errors.reasonRequired' };
    if (text.length > this.noteMax)
      errors.text = { key: 'forms.errors.maxLength', params: { max: this.noteMax } };
    return errors;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    if (this.isManager()) {
      this.users
        .assignable()
        .then((staff) => this.staff.set(staff))
        .catch(() => this.staff.set([]));
    }
    this.partnerOrganisations
      .list()
      .then((partners) => this.partners.set(partners))
      .catch(() => this.partners.set(null));
  }

  protected async load(id: string): Promise<void> {
    this.loadError.set(false);
    try {
      const request = await this.reactivations.get(id);
      this.show(request);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected async takeStep(step: Step, trigger: HTMLElement): Promise<void> {
    if (step === 'resolve' || step === 'cancel') {
      this.openDialog(step, trigger);
      return;
    }
    await this.run(`reactivation.done.${step}`, (id) =>
      step === 'accept' ? this.reactivations.accept(id) : this.reactivations.contacted(id),
    );
  }

  protected chooseAssignee(event: Event): void {
    this.chosenAssignee.set((event.target as HTMLSelectElement).value);
  }

  protected async assign(event: Event): Promise<void> {
    event.preventDefault();
    const assigneeId = this.chosenAssignee();
    if (!assigneeId) {
      this.alert.set({ key: 'reactivation.errors.assigneeRequired' });
      return;
    }
    const name = this.staff().find((user) => user.id === assigneeId)?.displayName ?? '';
    await this.run('reactivation.done.assign', (id) => this.reactivations.assign(id, assigneeId), { name });
  }

  protected chooseResolution(resolution: ReactivationResolution): void {
    this.resolution.set(resolution);
  }

  protected typeDialogText(event: Event): void {
    this.dialogText.set((event.target as HTMLTextAreaElement).value);
  }

  protected async confirmDialog(event: Event): Promise<void> {
    event.preventDefault();
    this.dialogAttempted.set(true);
    const mode = this.dialogMode();
    if (!mode || Object.keys(this.dialogErrors()).length > 0) return;
    const text = this.dialogText().trim();
    const resolution = this.resolution();
    this.closeDialog(false);
    if (mode === 'resolve' && resolution) {
      await this.run('reactivation.done.resolve', (id) =>
        this.reactivations.resolve(id, resolution, text || undefined),
      );
    } else if (mode === 'cancel') {
      await this.run('reactivation.done.cancel', (id) => this.reactivations.cancel(id, text));
    }
  }

  protected cancelDialog(event?: Event): void {
    event?.preventDefault();
    this.closeDialog(true);
  }

  private show(request: ReactivationRequestDetail): void {
    this.request.set(request);
    this.chosenAssignee.set(request.assignee?.id ?? '');
  }

  private async run(
    doneKey: string,
    action: (id: string) => Promise<ReactivationRequestDetail>,
    params?: Record<string, unknown>,
  ): Promise<void> {
    const request = this.request();
    if (!request || this.busy()) return;
    this.busy.set(true);
    this.status.set(null);
    this.alert.set(null);
    try {
      this.show(await action(request.id));
      this.status.set({ key: doneKey, params });
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 409) {
        this.alert.set({ key: 'reactivation.errors.conflict' });
        await this.load(request.id);
      } else if (status === 403) {
        this.alert.set({ key: 'reactivation.errors.forbidden' });
      } else if (status === 400) {
        this.alert.set({ key: 'reactivation.errors.invalid' });
      } else {
        this.alert.set({ key: 'forms.errors.unavailable' });
      }
    } finally {
      this.busy.set(false);
      afterNextRender(
        { write: () => this.document.getElementById('request-heading')?.focus() },
        { injector: this.injector },
      );
    }
  }

  private openDialog(mode: DialogMode, trigger: HTMLElement): void {
    this.dialogTrigger = trigger;
    this.dialogMode.set(mode);
    this.resolution.set(null);
    this.dialogText.set('');
    this.dialogAttempted.set(false);
    const dialog = this.stepDialog()?.nativeElement;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    afterNextRender(
      {
        write: () =>
          dialog.querySelector<HTMLElement>(mode === 'resolve' ? 'input[type=radio]' : 'textarea')?.focus(),
      },
      { injector: this.injector },
    );
  }

  private closeDialog(restoreFocus: boolean): void {
    const dialog = this.stepDialog()?.nativeElement;
    if (dialog) {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      dialog.removeAttribute('open');
    }
    this.dialogMode.set(null);
    if (restoreFocus) this.dialogTrigger?.focus();
    this.dialogTrigger = null;
  }
}
