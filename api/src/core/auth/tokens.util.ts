import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token, URL-safe, 256 bits. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database stores of a session token. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Constant-time comparison of two tokens of any length. */
export function tokensEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
