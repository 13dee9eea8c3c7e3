import { randomBytes } from 'node:crypto';

/** Crockford's base 32: digits and capitals without I, L, O and U, so a reference survives being read aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const STORED = /^[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** A new random partner reference, e.g. `K7M4-Q9XT` (40 bits; unique per partner by a constraint). */
export function newPartnerReference(): string {
  const chars = [...randomBytes(8)].map((byte) => ALPHABET[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * A reference as a partner typed it, in its stored form: case, spaces and dashes do not matter, and the letters
 * that look like digits (O, I, L) count as those digits. Null when it cannot be a partner reference at all.
 */
export function normalisePartnerReference(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-Z]{8}$/.test(chars)) return null;
  const reference = `${chars.slice(0, 4)}-${chars.slice(4)}`;
  return STORED.test(reference) ? reference : null;
}
