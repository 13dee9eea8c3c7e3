import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs). */
const KEY_START = 'wvk_';
/** `wvk_` and 40 base64url characters: 240 random bits. */
const KEY_PATTERN = /^wvk_[A-Za-z0-9_-]{40}$/;
/** How much of the key is stored and shown to recognise it: `wvk_` and 8 characters (48 of the 240 bits). */
const PREFIX_LENGTH = 12;

export interface NewApiKey {
  /** Shown once, to the admin who creates it; never stored. */
  key: string;
  prefix: string;
  hash: Buffer;
}

/** A new random API key, its shown prefix and the sha256 that is stored. */
export function newApiKey(): NewApiKey {
  const key = `${KEY_START}${randomBytes(30).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: apiKeyHash(key) };
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function apiKeyHash(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Compares two hashes in constant time. */
export function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
