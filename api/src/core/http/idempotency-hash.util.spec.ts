import { IDEMPOTENCY_KEY_PATTERN, canonicalJson, idempotencyRequestHash } from './idempotency-hash.util';

describe('idempotency request hash', () => {
  it('ignores the order of keys, at every depth, and leaves undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(idempotencyRequestHash('post', '/api/x', { a: 1, b: 2 })).toEqual(
      idempotencyRequestHash('POST', '/api/x', { b: 2, a: 1 }),
    );
  });

  it('differs for another body, path or method', () => {
    const base = idempotencyRequestHash('POST', '/api/x', { a: 1 });
    expect(idempotencyRequestHash('POST', '/api/x', { a: 2 })).not.toEqual(base);
    expect(idempotencyRequestHash('POST', '/api/y', { a: 1 })).not.toEqual(base);
    expect(idempotencyRequestHash('PUT', '/api/x', { a: 1 })).not.toEqual(base);
    expect(idempotencyRequestHash('POST', '/api/x', undefined)).toEqual(
      idempotencyRequestHash('POST', '/api/x', null),
    );
  });

  it('accepts visible ASCII keys of up to 200 characters', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('3f0c7d7e-9a55-4c1e-8a55-0b1f2d3c4e5f')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('x'.repeat(200))).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('x'.repeat(201))).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('with space')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('sleutel-é')).toBe(false);
  });
});
