import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError, ProblemDetails } from '@waakvlam/contracts';

/** The RFC 9457 body of an API error, when there is one. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = typeof error.error === 'string' ? safeParse(error.error) : error.error;
  return isProblem(body) ? body : null;
}

export function fieldErrorsOf(error: unknown): readonly FieldError[] {
  return problemOf(error)?.errors ?? [];
}

/**
 * Minutes to wait, rounded up (at least 1), from a `Retry-After` header in seconds or as an HTTP date.
 * Unknown or missing values count as 1 minute.
 */
export function retryAfterMinutes(header: string | null, now: number = Date.now()): number {
  if (header === null || header.trim() === '') {
    return 1;
  }
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : (Date.parse(trimmed) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 1;
}

function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
