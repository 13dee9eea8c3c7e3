import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale, Me } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { DateFormatService } from './date-format.service';

describe('DateFormatService', () => {
  const me = signal<Me | null>(null);
  const locale = signal<Locale>('nl');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { me } },
        { provide: LanguageService, useValue: { locale } },
      ],
    });
    me.set({ organisation: { id: 'o1', name: 'Team', timeZone: 'Europe/Amsterdam' } } as Me);
    locale.set('nl');
  });

  it("shows an instant on the organisation's clock, whatever the browser's zone", () => {
    const dates = TestBed.inject(DateFormatService);
    // 09:00 UTC on a summer day is 11:00 in Amsterdam; in winter 09:00 UTC is 10:00.
    expect(dates.dateTime('2026-10-22T09:00:00Z')).toContain('11:00');
    expect(dates.dateTime('2026-11-22T09:00:00Z')).toContain('10:00');

    me.set({ organisation: { id: 'o2', name: 'Team', timeZone: 'America/Curacao' } } as Me);
    expect(dates.dateTime('2026-10-22T09:00:00Z')).toContain('05:00');
  });

  it("knows today's date in the organisation's time zone", () => {
    const dates = TestBed.inject(DateFormatService);
    expect(dates.today(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});
