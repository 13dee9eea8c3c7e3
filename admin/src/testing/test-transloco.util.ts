import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Me } from '@waakvlam/contracts';
import en from '../../public/i18n/en.json';
import nl from '../../public/i18n/nl.json';

/** Transloco with the real translation files, Dutch active. */
export function testTransloco() {
  return TranslocoTestingModule.forRoot({
    langs: { nl, en },
    translocoConfig: { availableLangs: ['nl', 'en'], defaultLang: 'nl', reRenderOnLangChange: true },
    preloadLangs: true,
  });
}

/** Lets pending promises and timers run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function aUser(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    email: 'anna@voorbeeld.nl',
    displayName: 'Anna de Vries',
    role: 'caseworker',
    organisation: { id: 'o1', name: 'Team Zorg Noord', timeZone: 'Europe/Amsterdam' },
    partnerOrganisation: null,
    sessionExpiresAt: '2030-01-01T12:00:00.000Z',
    ...overrides,
  };
}

/** The value, or a failing test when it is missing. */
export function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) {
    throw new Error(`Expected ${what} to exist`);
  }
  return value;
}
