import { computed, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';

/** Whether a query parameter's value may be used (anything else in the URL is ignored). */
export type FilterCheck = (value: string) => boolean;

export const isIsoDay: FilterCheck = (value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
export const isUuid: FilterCheck = (value) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
export const isTrueOrFalse: FilterCheck = (value) => value === 'true' || value === 'false';
/** Free text such as a wijk; the empty string is a value too ("none recorded"). */
export const isShortText: FilterCheck = (value) => value.length <= 100;
export const oneOf =
  (values: readonly string[]): FilterCheck =>
  (value) =>
    values.includes(value);

export type FilterValues<K extends string> = Partial<Record<K, string>>;

/**
 * A list's filters kept in the URL's query parameters, so that a link (the dashboard's drill-down) opens the
 * filtered list and the browser's back button steps back through filter changes. Each change is a navigation.
 * Create it in an injection context (a component's field initialiser).
 */
export class UrlFilters<K extends string> {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly params = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });

  /** The valid filters in the URL (a key is absent when unset or invalid). */
  readonly values: Signal<FilterValues<K>> = computed(() => {
    const params = this.params();
    const values: FilterValues<K> = {};
    for (const key of Object.keys(this.checks) as K[]) {
      const value = params.get(key);
      if (value !== null && this.checks[key](value)) values[key] = value;
    }
    return values;
  });

  readonly active = computed(() => Object.keys(this.values()).length > 0);

  constructor(private readonly checks: Readonly<Record<K, FilterCheck>>) {}

  /** Sets (a string) or removes (null) filters, keeping the others. */
  set(changes: Partial<Record<K, string | null>>): Promise<boolean> {
    const next: Record<string, string> = { ...this.values() } as Record<string, string>;
    for (const [key, value] of Object.entries(changes) as Array<[K, string | null | undefined]>) {
      if (value === null || value === undefined) delete next[key];
      else next[key] = value;
    }
    return this.router.navigate([], { relativeTo: this.route, queryParams: next });
  }

  clear(keys: readonly K[]): Promise<boolean> {
    return this.set(Object.fromEntries(keys.map((key) => [key, null])) as Partial<Record<K, null>>);
  }

  clearAll(): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }
}

/** `path?a=1&b=2` for the set values (an export link with the list's filters). */
export function withQuery(path: string, values: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
