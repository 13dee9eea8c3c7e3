import { PASSWORD_MAX_LENGTH } from '@waakvlam/contracts';
import { ProblemException } from '../http/problem.exception';
import { PasswordPolicy } from './password-policy.service';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  beforeAll(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  });
  afterAll(() => {
    jest.useRealTimers();
  });

  it('ships a list of a few thousand common passwords', () => {
    expect(policy.listSize).toBeGreaterThan(3_000);
  });

  it('wants at least 12 and at most 128 characters, counted as characters, not bytes', () => {
    expect(policy.problem('kort-wachtw')).toBe('must be at least 12 characters');
    expect(policy.problem('lang genoeg!')).toBeNull();
    expect(policy.problem('é'.repeat(6) + 'abcdef')).toBeNull();
    expect(policy.problem('x'.repeat(PASSWORD_MAX_LENGTH - 1) + 'y')).toBeNull();
    expect(policy.problem('x'.repeat(PASSWORD_MAX_LENGTH) + 'y')).toBe('must be at most 128 characters');
  });

  it('refuses common passwords in any case, and one character repeated', () => {
    for (const common of [
      'password1234',
      'Welkom123456',
      'QWERTYUIOP123',
      '1qaz2wsx3edc',
      'Wachtwoord2026',
    ]) {
      expect(policy.problem(common)).toBe('is too common or too easy to guess: choose another');
    }
    expect(policy.problem('aaaaaaaaaaaaaa')).toBe('is too common or too easy to guess: choose another');
  });

  it('refuses the e-mail address as a password', () => {
    expect(policy.problem('anna.de.vries@voorbeeld.nl', { email: 'Anna.de.Vries@voorbeeld.nl' })).toBe(
      'must not be your e-mail address',
    );
    expect(policy.problem('anna.de.vries', { email: 'anna.de.vries@voorbeeld.nl' })).toBe(
      'must not be your e-mail address',
    );
  });

  it('accepts the demo and test passwords', () => {
    expect(policy.problem('waakvlam-demo-2026')).toBeNull();
    expect(policy.problem('test-password-2026')).toBeNull();
  });

  it('throws a validation problem that names the field', () => {
    let error: unknown;
    try {
      policy.assert('newPassword', 'password1234');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(400);
    expect((error as ProblemException).extra.errors).toEqual([
      { field: 'newPassword', message: 'is too common or too easy to guess: choose another' },
    ]);
  });
});
