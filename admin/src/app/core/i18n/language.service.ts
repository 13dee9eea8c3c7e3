import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, isLocale } from './languages';

/** The active language: switches Transloco at runtime, keeps the choice and sets `<html lang>`. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(DEFAULT_LOCALE);

  readonly locale = this.current.asReadonly();

  /** Loads the stored (or default) language; run once at start-up. */
  async init(): Promise<void> {
    await this.use(this.storedLocale(), false);
  }

  async use(locale: Locale, persist = true): Promise<void> {
    await firstValueFrom(this.transloco.load(locale));
    this.transloco.setActiveLang(locale);
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    if (persist) {
      try {
        this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Storage can be unavailable (private mode); the choice then lasts for this visit only.
      }
    }
  }

  private storedLocale(): Locale {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LOCALE_STORAGE_KEY);
      return isLocale(stored) ? stored : DEFAULT_LOCALE;
    } catch {
      return DEFAULT_LOCALE;
    }
  }
}
