import { SUPPORTED_LOCALES, type Locale } from '@waakvlam/contracts';

export const DEFAULT_LOCALE: Locale = 'nl';

/** localStorage key under which the chosen language is kept. */
export const LOCALE_STORAGE_KEY = 'waakvlam.locale';

/** Each language is named in its own language, so these names are never translated. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  nl: 'Nederlands',
  en: 'English',
};

/** BCP 47 tags used for date and time formatting. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = {
  nl: 'nl-NL',
  en: 'en-GB',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
