import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_MAX } from '@waakvlam/contracts';

/** An Idempotency-Key: 1 to 200 visible ASCII characters (a UUID, typically). */
export const IDEMPOTENCY_KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);

/** JSON with the keys of every object sorted: the same body gives the same text, whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const entries = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${entries.join(',')}}`;
}

/**
 * sha256 of the method, the path (with its query) and the canonical body: what a retry must repeat exactly. A
 * `principal` other than a signed-in user (a partner system's API key) is part of it, so that another caller's
 * request under the same key is a mismatch, never a replay of someone else's answer.
 */
export function idempotencyRequestHash(method: string, path: string, body: unknown, principal = ''): Buffer {
  return createHash('sha256')
    .update(`${principal}${principal ? '\n' : ''}${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)
    .digest();
}
