import { newPartnerReference, normalisePartnerReference } from './partner-reference.util';

describe('partner references', () => {
  it('are random, in two groups of four, without I, L, O or U', () => {
    const references = Array.from({ length: 200 }, () => newPartnerReference());
    for (const reference of references)
      expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(references).size).toBe(200);
  });

  it('normalise what a partner types to the stored form', () => {
    const reference = newPartnerReference();
    expect(normalisePartnerReference(reference)).toBe(reference);
    expect(normalisePartnerReference(` ${reference.toLowerCase().replace('-', ' ')} `)).toBe(reference);
    expect(normalisePartnerReference('k7m4q9xt')).toBe('K7M4-Q9XT');
    expect(normalisePartnerReference('K7M4-Q9XO')).toBe('K7M4-Q9X0');
    expect(normalisePartnerReference('i7m4-q9xl')).toBe('17M4-Q9X1');
  });

  it('refuse what can never be a reference', () => {
    for (const input of ['', 'K7M4', 'K7M4-Q9XT-1', 'REF-123', 'K7M4_Q9XT', 'K7M4-Q9X€'])
      expect(normalisePartnerReference(input)).toBeNull();
  });
});
