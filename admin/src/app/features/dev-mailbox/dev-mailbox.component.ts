import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DevMailboxMessage } from '@waakvlam/contracts';
import { LOCALE_TAGS } from '../../core/i18n/languages';
import { LanguageService } from '../../core/i18n/language.service';
import { DevMailboxService } from './dev-mailbox.service';

@Component({
  selector: 'wv-dev-mailbox',
  imports: [TranslocoPipe],
  templateUrl: './dev-mailbox.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevMailboxComponent {
  private readonly mailbox = inject(DevMailboxService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly detailHeading = viewChild<ElementRef<HTMLElement>>('detailHeading');

  protected readonly loaded = this.mailbox.loaded;
  protected readonly enabled = this.mailbox.enabled;
  protected readonly messages = this.mailbox.messages;
  protected readonly busy = signal(false);
  /** Translation key of the latest outcome, announced politely. */
  protected readonly status = signal<string | null>(null);
  private readonly selectedId = signal<string | null>(null);

  protected readonly selected = computed(
    () => this.messages().find((message) => message.id === this.selectedId()) ?? null,
  );

  private readonly formatter = computed(
    () =>
      new Intl.DateTimeFormat(LOCALE_TAGS[this.language.locale()], {
        dateStyle: 'short',
        timeStyle: 'medium',
      }),
  );

  constructor() {
    void this.refresh();
  }

  protected formatTime(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : this.formatter().format(date);
  }

  protected async refresh(): Promise<void> {
    await this.run(() => this.mailbox.refresh(), null);
  }

  protected async clear(): Promise<void> {
    await this.run(() => this.mailbox.clear(), 'devMailbox.cleared');
    this.selectedId.set(null);
  }

  protected select(message: DevMailboxMessage): void {
    this.selectedId.set(message.id);
    afterNextRender(
      { write: () => this.detailHeading()?.nativeElement.focus() },
      { injector: this.injector },
    );
  }

  protected isSelected(message: DevMailboxMessage): boolean {
    return this.selectedId() === message.id;
  }

  private async run(action: () => Promise<void>, successKey: string | null): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.status.set(null);
    try {
      await action();
      this.status.set(successKey);
    } catch {
      this.status.set('devMailbox.loadError');
    } finally {
      this.busy.set(false);
    }
  }
}
