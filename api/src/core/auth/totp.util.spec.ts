import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode, totpStep } from './totp.util';

/** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238)', () => {
  const now = new Date('2026-03-02T09:00:10Z').getTime();

  beforeAll(() => {
    jest.useFakeTimers({ now });
  });
  afterAll(() => {
    jest.useRealTimers();
  });

  it('matches the RFC 6238 test vectors (8 digits, SHA-1)', () => {
    const vectors: Array<[number, string]> = [
      [59, '94287082'],
      [1_111_111_109, '07081804'],
      [1_111_111_111, '14050471'],
      [1_234_567_890, '89005924'],
      [2_000_000_000, '69279037'],
      [20_000_000_000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it('matches the RFC 4226 HOTP values for 6 digits', () => {
    expect([0, 1, 2, 3, 9].map((c) => hotp(RFC_SECRET, c))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '520489',
    ]);
  });

  it('accepts the code of now and of one step either side, and nothing further', () => {
    const step = totpStep(Date.now());
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step), Date.now())).toBe(step);
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step - 1), Date.now())).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + 1), Date.now())).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step - 2), Date.now())).toBeNull();
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + 2), Date.now())).toBeNull();
  });

  it('moves to the next code every 30 seconds', () => {
    const first = totpCode(RFC_SECRET, Date.now());
    jest.advanceTimersByTime(20_000);
    expect(totpCode(RFC_SECRET, Date.now())).not.toBe(first);
    expect(totpStep(Date.now()) - totpStep(now)).toBe(1);
  });

  it('refuses what is not six digits', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', ' 755224']) {
      expect(matchTotp(RFC_SECRET, code, 0)).toBeNull();
    }
  });

  it('round-trips base32 and writes the otpauth URI apps read', () => {
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
    expect(otpauthUri('Waakvlam', 'anna@voorbeeld.nl', RFC_SECRET)).toBe(
      'otpauth://totp/Waakvlam:anna%40voorbeeld.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Waakvlam' +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });
});
