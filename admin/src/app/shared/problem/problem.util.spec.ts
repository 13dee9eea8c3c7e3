import { HttpErrorResponse } from '@angular/common/http';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { problemOf, retryAfterMinutes } from './problem.util';

describe('retryAfterMinutes', () => {
  it('rounds seconds up to whole minutes, at least one', () => {
    expect(retryAfterMinutes('1')).toBe(1);
    expect(retryAfterMinutes('60')).toBe(1);
    expect(retryAfterMinutes('61')).toBe(2);
    expect(retryAfterMinutes('900')).toBe(15);
  });

  it('understands an HTTP date', () => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(retryAfterMinutes('Tue, 01 Jan 2030 12:05:00 GMT', now)).toBe(5);
  });

  it('falls back to one minute for missing or odd values', () => {
    expect(retryAfterMinutes(null)).toBe(1);
    expect(retryAfterMinutes('soon')).toBe(1);
  });
});

describe('problemOf', () => {
  it('reads a problem+json body, also when it arrives as text', () => {
    const body = { type: PROBLEM_TYPES.rateLimited, title: 'Too Many Requests', status: 429 };
    expect(problemOf(new HttpErrorResponse({ error: body, status: 429 }))?.type).toBe(
      PROBLEM_TYPES.rateLimited,
    );
    expect(problemOf(new HttpErrorResponse({ error: JSON.stringify(body), status: 429 }))?.status).toBe(429);
  });

  it('returns null for anything else', () => {
    expect(problemOf(new HttpErrorResponse({ error: 'Bad Gateway', status: 502 }))).toBeNull();
    expect(problemOf(new Error('x'))).toBeNull();
  });
});
