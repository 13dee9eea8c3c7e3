import type { ExportRecord } from '@waakvlam/contracts';

const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A row as PostgreSQL's to_jsonb gave it, with camelCase column names (nested JSON values stay as stored). */
export function exportRecord(row: Record<string, unknown>): ExportRecord {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camel(key), value]));
}

/** Splits a record into the fields named in `keys` and the rest. */
export function splitRecord(
  record: ExportRecord,
  keys: readonly string[],
): { picked: ExportRecord; rest: ExportRecord } {
  const picked: ExportRecord = {};
  const rest: ExportRecord = {};
  for (const [key, value] of Object.entries(record)) (keys.includes(key) ? picked : rest)[key] = value;
  return { picked, rest };
}

/** Groups records by the value of one of their fields. */
export function groupBy(records: readonly ExportRecord[], key: string): Map<string, ExportRecord[]> {
  const groups = new Map<string, ExportRecord[]>();
  for (const record of records) {
    const value = String(record[key]);
    const group = groups.get(value);
    if (group) group.push(record);
    else groups.set(value, [record]);
  }
  return groups;
}
