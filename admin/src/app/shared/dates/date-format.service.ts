import { Injectable, computed, inject } from '@angular/core';
import type { IsoDate } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { LOCALE_TAGS } from '../../core/i18n/languages';
import { LanguageService } from '../../core/i18n/language.service';
import { parseIsoDate, todayIn } from './dates.util';

const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** Dates and times in the user's language; "today" in the organisation's time zone. */
@Injectable({ providedIn: 'root' })
export class DateFormatService {
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  readonly timeZone = computed(() => this.auth.me()?.organisation.timeZone ?? DEFAULT_TIME_ZONE);

  private readonly dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(LOCALE_TAGS[this.language.locale()], {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );

  private readonly dayMonthFormat = computed(
    () =>
      new Intl.DateTimeFormat(LOCALE_TAGS[this.language.locale()], {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }),
  );

  private readonly dateTimeFormat = computed(
    () =>
      new Intl.DateTimeFormat(LOCALE_TAGS[this.language.locale()], {
        dateStyle: 'medium',
        timeStyle: 'short',
        // The organisation's clock, not the browser's: everybody in the team sees the same times.
        timeZone: this.timeZone(),
      }),
  );

  today(now: Date = new Date()): IsoDate {
    return todayIn(this.timeZone(), now);
  }

  /** A calendar date, e.g. "ma 3 februari 2031". */
  date(value: IsoDate | null | undefined): string {
    if (!value) {
      return '';
    }
    const date = parseIsoDate(value);
    return date ? this.dateFormat().format(date) : value;
  }

  /** A calendar date, short, e.g. "3 feb." (chart labels). */
  dayMonth(value: IsoDate): string {
    const date = parseIsoDate(value);
    return date ? this.dayMonthFormat().format(date) : value;
  }

  /** An instant in the user's language and the organisation's time zone. */
  dateTime(value: string | null | undefined): string {
    if (!value) {
      return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : this.dateTimeFormat().format(date);
  }
}
