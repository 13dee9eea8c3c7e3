import type { ChipPart, FilterChip } from './filter-summary.component';

/**
 * A range of days as one chip: "1 okt. – 31 dec.", "vanaf 1 okt.", "t/m 31 dec." (after the label, if any);
 * null when neither end is set. `day` formats a day (e.g. DateFormatService.dayMonth).
 */
export function dayRangeChip(
  id: string,
  from: string | undefined,
  to: string | undefined,
  day: (value: string) => string,
  labelKey?: string,
): FilterChip | null {
  if (!from && !to) return null;
  const label: ChipPart[] = labelKey ? [{ key: labelKey }] : [];
  if (from && to) return { id, parts: [...label, { text: `${day(from)} – ${day(to)}` }] };
  if (from) return { id, parts: [...label, { key: 'listFilters.from' }, { text: day(from) }] };
  return { id, parts: [...label, { key: 'listFilters.until' }, { text: day(to as string) }] };
}

/** A chip `label value`, null when the value is not set. `valueKey` translates the value; else it is shown. */
export function valueChip(
  id: string,
  labelKey: string,
  value: string | undefined,
  valueKey?: (value: string) => string,
): FilterChip | null {
  if (value === undefined) return null;
  return { id, parts: [{ key: labelKey }, valueKey ? { key: valueKey(value) } : { text: value }] };
}

/** The chips that are set. */
export const chips = (...all: Array<FilterChip | null>): FilterChip[] =>
  all.filter((chip): chip is FilterChip => chip !== null);

/** The wijk chip; the empty value is "no wijk recorded". */
export const neighbourhoodChip = (value: string | undefined): FilterChip | null =>
  value === undefined
    ? null
    : {
        id: 'neighbourhood',
        parts: [
          { key: 'listFilters.neighbourhood' },
          value === '' ? { key: 'listFilters.noNeighbourhood' } : { text: value },
        ],
      };

/** The caseworker chip: her name when known, else "one caseworker". */
export const caseworkerChip = (
  id: string | undefined,
  caseworkers: ReadonlyArray<{ id: string; displayName: string }>,
): FilterChip | null => {
  if (id === undefined) return null;
  const name = caseworkers.find((user) => user.id === id)?.displayName;
  return {
    id: 'caseworkerId',
    parts: [{ key: 'listFilters.caseworker' }, name ? { text: name } : { key: 'listFilters.oneCaseworker' }],
  };
};
