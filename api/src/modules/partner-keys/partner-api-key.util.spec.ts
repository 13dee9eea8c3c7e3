import { apiKeyHash, hashesEqual, isWellFormedApiKey, newApiKey } from './partner-api-key.util';

describe('partner API keys', () => {
  it('are random, recognisable, and stored as a sha256 only', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key).toMatch(/^wvk_[A-Za-z0-9_-]{40}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.hash).toHaveLength(32);
    expect(a.hash.equals(apiKeyHash(a.key))).toBe(true);
    expect(a.hash.toString('hex')).not.toContain(a.key);
  });

  it('tells a well-formed key from anything else', () => {
    expect(isWellFormedApiKey(newApiKey().key)).toBe(true);
    for (const bad of [
      '',
      'wvk_',
      'wvk_short',
      `xyz_${'a'.repeat(40)}`,
      `wvk_${'a'.repeat(41)}`,
      `wvk_${'a'.repeat(39)}!`,
    ])
      expect(isWellFormedApiKey(bad)).toBe(false);
  });

  it('compares hashes by value', () => {
    const key = newApiKey();
    expect(hashesEqual(key.hash, apiKeyHash(key.key))).toBe(true);
    expect(hashesEqual(key.hash, apiKeyHash(newApiKey().key))).toBe(false);
    expect(hashesEqual(key.hash, Buffer.alloc(3))).toBe(false);
  });
});
