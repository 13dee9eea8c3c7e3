import { POSTCODE_PATTERN } from '@waakvlam/contracts';

/** `1234 ab` → `1234AB`, the stored form. Null when it is not a Dutch postcode. */
export function normalisePostcode(input: string): string | null {
  const trimmed = input.trim();
  if (!POSTCODE_PATTERN.test(trimmed)) return null;
  return trimmed.replace(/\s+/g, '').toUpperCase();
}

/** A search term as it would appear in a stored postcode: spaces removed, upper case. */
export function postcodeSearchTerm(q: string): string {
  return q.replace(/\s+/g, '').toUpperCase();
}
