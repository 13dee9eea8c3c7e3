/** Organisations plan in their own time zone; this is the default. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** True when the IANA time zone name is known to this runtime's Intl data. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
