import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/**
 * The current time as a signal that moves on every `intervalMs` while the calling component lives; for countdowns.
 * Call in an injection context (a constructor or field initialiser).
 */
export function tickingClock(intervalMs = 30_000, now: () => number = Date.now): Signal<number> {
  const current = signal(now());
  const timer = setInterval(() => current.set(now()), intervalMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return current.asReadonly();
}
