/**
 * CSV for Dutch spreadsheet users. Excel in a Dutch locale reads `;` as the list separator (the comma is the decimal
 * separator there), so every export uses a semicolon; a UTF-8 byte order mark makes Excel read the file as UTF-8
 * (accents in names) instead of Windows-1252. Lines end in CRLF (RFC 4180).
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/** One column of an export: its (Dutch) header and how a row gives its cell. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR): OWASP's CSV injection list. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that must be quoted: the separator, a quote or a line break. */
const NEEDS_QUOTES = /[;"\r\n]/;

/**
 * One cell: null and undefined are empty, booleans `ja`/`nee`; text that starts like a formula gets a leading `'`
 * (so `=HYPERLINK(…)` is shown, not run), then the cell is quoted when it holds a separator, a quote or a newline.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, with its line ending. */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_NEWLINE;
}

/** The start of a file: the byte order mark and the header row. */
export function csvHead<Row>(columns: readonly CsvColumn<Row>[]): string {
  return CSV_BOM + csvLine(columns.map((c) => c.header));
}

/** One row's line. */
export function csvRow<Row>(columns: readonly CsvColumn<Row>[], row: Row): string {
  return csvLine(columns.map((c) => c.value(row)));
}

/** `waakvlam-<list>-<yyyy-mm-dd>.csv`: the list's name and the organisation's calendar day of the download. */
export function csvFileName(list: string, day: string): string {
  if (!/^[a-z0-9-]+$/.test(list)) throw new Error(`Not a list name: ${list}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a day: ${day}`);
  return `waakvlam-${list}-${day}.csv`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as `YYYY-MM-DD HH:mm` in the organisation's time zone (Excel reads it as a date and time). */
export function csvDateTime(value: Date | string | null, timeZone: string): string | null {
  if (value === null) return null;
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(value)).map((p) => [p.type, p.value] as const),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
