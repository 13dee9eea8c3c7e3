import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CheckIn, ContactMode } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { daysBetween } from '../../shared/dates/dates.util';
import type { Message } from '../../shared/forms/form-messages';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { CheckInDialogComponent } from '../check-ins/check-in-dialog.component';
import { CheckInsService, byUrgency } from '../check-ins/check-ins.service';

/** Id of the list heading; focus lands here after a row has gone. */
const LIST_HEADING_ID = 'vandaag-lijst';

/** "Vandaag": the signed-in caseworker's check-ins that are due today or overdue, most urgent first. */
@Component({
  selector: 'wv-today',
  imports: [RouterLink, TranslocoPipe, CheckInDialogComponent, LiveMessagesComponent],
  templateUrl: './today.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodayComponent {
  private readonly checkIns = inject(CheckInsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);
  private readonly dialog = viewChild.required(CheckInDialogComponent);

  protected readonly listHeadingId = LIST_HEADING_ID;
  protected readonly rows = signal<CheckIn[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  /** Polite announcement of the latest outcome. */
  protected readonly status = signal<Message | null>(null);
  /** Something went wrong that the user must know (role=alert). */
  protected readonly alert = signal<Message | null>(null);

  protected readonly today = computed(() => this.dates.today());

  constructor() {
    void this.load();
  }

  /** The channel already recorded, else the watch's contact mode. */
  protected modeOf(checkIn: CheckIn): ContactMode {
    return checkIn.channel ?? checkIn.contactMode;
  }

  /** "Vandaag", "1 dag te laat", "3 dagen te laat". */
  protected lateness(checkIn: CheckIn): Message {
    const days = daysBetween(checkIn.dueDate, this.today());
    if (days <= 0) return { key: days === 0 ? 'today.dueToday' : 'today.dueLater' };
    return days === 1 ? { key: 'today.lateOne' } : { key: 'today.lateMany', params: { count: days } };
  }

  protected isLate(checkIn: CheckIn): boolean {
    return daysBetween(checkIn.dueDate, this.today()) > 0;
  }

  protected record(checkIn: CheckIn, event: Event): void {
    this.status.set(null);
    this.alert.set(null);
    this.dialog().open(checkIn, event.currentTarget as HTMLElement);
  }

  protected onSaved(checkIn: CheckIn): void {
    this.rows.update((rows) => rows.filter((row) => row.id !== checkIn.id));
    this.status.set({ key: 'today.saved', params: { name: checkIn.client.name } });
    this.focusListHeading();
  }

  protected async onConflict(): Promise<void> {
    this.alert.set({ key: 'today.conflict' });
    await this.load();
    this.focusListHeading();
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      const [today, overdue] = await Promise.all([
        this.checkIns.view('today'),
        this.checkIns.view('overdue'),
      ]);
      this.rows.set(byUrgency([...overdue, ...today]).filter((row) => row.status === 'planned'));
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  private focusListHeading(): void {
    afterNextRender(
      {
        write: () =>
          (
            this.document.getElementById(LIST_HEADING_ID) ?? this.document.querySelector<HTMLElement>('h1')
          )?.focus(),
      },
      { injector: this.injector },
    );
  }
}
