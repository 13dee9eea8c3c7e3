import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One quality bar: the measured value against its target. A miss carries its reason and a fix idea. */
export interface TargetResult {
  name: string;
  measured: string;
  target: string;
  pass: boolean;
  /** Why it was missed, from the measurements (only for misses). */
  reason?: string;
  fix?: string;
}

/** One line of the table that is measured but has no target (or is context for one). */
export interface InfoLine {
  name: string;
  value: string;
}

export const MB = 1_000_000;
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const perSecond = (count: number, ms: number): number => Math.round(count / (ms / 1000));
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
export const median = (values: readonly number[]): number => percentile(values, 50);

/** Prints the results as two tables: targets with PASS/MISS, then the other figures. */
export function printReport(
  title: string,
  targets: readonly TargetResult[],
  info: readonly InfoLine[],
): void {
  const rows = targets.map((t) => [t.name, t.measured, t.target, t.pass ? 'PASS' : 'MISS']);
  console.log(`\n${title}\n`);
  console.log(table(['Measure', 'Measured', 'Target', 'Result'], rows));
  const misses = targets.filter((t) => !t.pass);
  if (misses.length > 0) {
    console.log(`\n${misses.length} target(s) missed:`);
    for (const m of misses) {
      console.log(`- ${m.name}: ${m.measured} (target ${m.target})`);
      if (m.reason) console.log(`    why: ${m.reason}`);
      if (m.fix) console.log(`    fix idea: ${m.fix}`);
    }
  } else console.log('\nEvery target met.');
  console.log('');
  console.log(
    table(
      ['Figure', 'Value'],
      info.map((i) => [i.name, i.value]),
    ),
  );
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes the JSON results where they belong (smoke runs in the git-ignored smoke folder) and returns the path. */
export function writeResults(
  root: string,
  results: object,
  options: { smoke: boolean; jsonOut: string | null; bench: string; suffix?: string },
): string {
  const date = new Date().toISOString().slice(0, 10);
  const dir = path.join(root, 'bench', 'results', ...(options.smoke ? ['smoke'] : []));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${options.bench}-${date}${options.suffix ?? ''}.json`);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(file, json);
  if (options.jsonOut === '-') process.stdout.write(json);
  else if (options.jsonOut) {
    mkdirSync(path.dirname(path.resolve(options.jsonOut)), { recursive: true });
    writeFileSync(path.resolve(options.jsonOut), json);
  }
  return file;
}
