import { hashToken, newToken, tokensEqual } from './tokens.util';

describe('tokens', () => {
  it('are random, URL-safe and 256 bits long', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('hash to 32 bytes, the same for the same token', () => {
    expect(hashToken('x')).toHaveLength(32);
    expect(hashToken('x').equals(hashToken('x'))).toBe(true);
  });

  it('compare equal only when identical and present', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', undefined)).toBe(false);
    expect(tokensEqual('', '')).toBe(false);
  });
});
