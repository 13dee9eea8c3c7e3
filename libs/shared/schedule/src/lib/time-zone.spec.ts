import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time-zone';

describe('isValidTimeZone', () => {
  it('accepts the default and other IANA zones', () => {
    expect(isValidTimeZone(DEFAULT_TIME_ZONE)).toBe(true);
    expect(isValidTimeZone('America/Curacao')).toBe(true);
  });

  it('rejects unknown and empty names', () => {
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
