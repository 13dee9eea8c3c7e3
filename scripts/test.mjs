#!/usr/bin/env node
// `npm test`: every spec — unit (beside the code), integration and API e2e (real PostgreSQL and Redis) and
// browser (Debian's Chromium). Extra arguments go to Jest, e.g. `npm test -- --selectProjects e2e`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import process from 'node:process';

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
};
const must = (label, command, args) => {
  if (run(command, args) !== 0) {
    console.error(`\nnpm test stopped: ${label} failed (see above).`);
    process.exit(1);
  }
};

must('PostgreSQL/Redis check', 'bash', ['scripts/ensure-services.sh']);
// The browser specs are never skipped: without Chromium this installs it (as root) or stops with the command to run.
must('Chromium check', 'bash', ['scripts/ensure-chromium.sh']);
// The browser specs sign in through the built console; the process specs start the built API.
must('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'admin', '--output-style=static']);

mkdirSync('tmp', { recursive: true });
const resultsFile = 'tmp/jest-results.json';
const status = run('npx', [
  'jest',
  '--config',
  'jest.config.cjs',
  '--json',
  `--outputFile=${resultsFile}`,
  ...(process.env.CI ? ['--ci'] : []),
  ...process.argv.slice(2),
]);

try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `\nSuites: ${results.numPassedTestSuites} passed, ${results.numFailedTestSuites} failed` +
      (results.numRuntimeErrorTestSuites ? ` (${results.numRuntimeErrorTestSuites} could not run)` : ''),
  );
  console.log(
    `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
  );
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
} catch {
  console.error('Jest wrote no results.');
  process.exit(status || 1);
}
process.exit(status);
