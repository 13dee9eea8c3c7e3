import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScenarioResult } from './fault-harness';

const int = (n: number) => n.toLocaleString('en-US');

/** The results as a Markdown table (one row per scenario), with each scenario's figures and failures below it. */
export function markdown(title: string, results: readonly ScenarioResult[]): string {
  const lines = [
    `### ${title}`,
    '',
    '| scenario | result | reminders | reactivations (201) | e-mails | delivered | lost | duplicates / allowed (cuts + gap) | dead | max attempts | re-claimed timers | settled (s) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results)
    lines.push(
      `| ${r.name} | ${r.pass ? 'PASS' : '**FAIL**'} | ${int(r.reminders)} | ${int(r.reactivations.sent)} ` +
        `(${int(r.reactivations.created)}) | ${int(r.notifications)} | ${int(r.delivered)} | ${int(r.lost)} | ` +
        `${r.duplicates} / ${r.allowedDuplicates} (${r.cuts} + ${r.ackGap.length}) | ${r.dead} | ${r.maxAttempts} | ${int(r.reclaimedTimers)} | ${r.settleSeconds} |`,
    );
  lines.push('');
  for (const r of results) {
    const figures = Object.entries(r.figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`- **${r.name}**: ${r.description}.${figures ? ` ${figures}.` : ''}`);
    if (Object.keys(r.reactivations.statuses).some((s) => s !== '201'))
      lines.push(`  Reactivation answers: ${JSON.stringify(r.reactivations.statuses)}.`);
    for (const failure of r.failures) lines.push(`  - BROKEN: ${failure}`);
  }
  return lines.join('\n');
}

/** Full runs go to test/fault/results/ (kept), short runs to test/fault/results/smoke/ (git-ignored). */
export function writeResults(
  root: string,
  results: unknown,
  options: { short: boolean; cluster: boolean; jsonOut: string | null },
): string {
  const date = new Date().toISOString().slice(0, 10);
  const file =
    options.jsonOut ??
    join(
      root,
      'test/fault/results',
      options.short ? 'smoke' : '',
      `fault-${date}${options.cluster ? '-cluster' : ''}${options.short ? '-short' : ''}.json`,
    );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
