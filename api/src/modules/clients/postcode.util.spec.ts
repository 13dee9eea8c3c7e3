import { normalisePostcode, postcodeSearchTerm } from './postcode.util';

describe('normalisePostcode', () => {
  it.each([
    ['1234AB', '1234AB'],
    ['1234 ab', '1234AB'],
    [' 9999zz ', '9999ZZ'],
    ['1011 Ac', '1011AC'],
  ])('stores %p as %p', (input, stored) => {
    expect(normalisePostcode(input)).toBe(stored);
  });

  it.each(['0123AB', '123AB', '1234A', '1234  AB', '1234-AB', 'ABCD12', ''])('refuses %p', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});

describe('postcodeSearchTerm', () => {
  it('matches the stored form', () => {
    expect(postcodeSearchTerm('1234 ab')).toBe('1234AB');
    expect(postcodeSearchTerm('34a')).toBe('34A');
  });
});
