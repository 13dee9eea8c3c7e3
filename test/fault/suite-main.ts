import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The build a suite runs must exist and be newer than every source file of the api and the shared libraries. */
export function checkBuild(root: string): string | null {
  const built = ['main.js', 'worker.js'].map((f) => path.join(root, 'dist/api/api/src', f));
  const missing = built.filter((f) => !existsSync(f));
  const how = 'build it first: NX_DAEMON=false npx nx run api:build --output-style=static';
  if (missing.length > 0) return `The build is missing (${path.relative(root, missing[0])}): ${how}`;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json|hbs|html|txt)$/.test(entry.name) && !entry.name.includes('.spec.'))
        if (statSync(full).mtimeMs > builtAt) newer.push(path.relative(root, full));
    }
  };
  walk(path.join(root, 'api/src'));
  for (const lib of ['contracts', 'schedule']) walk(path.join(root, 'libs/shared', lib, 'src'));
  if (newer.length > 0)
    return `The build is older than ${newer.length} source file(s) (${newer.slice(0, 3).join(', ')}…): ${how}`;
  return null;
}

/** A suite of processes and services (the fault suite, the soak test): it runs, and cleans up after itself. */
export interface Suite {
  run(): Promise<number>;
  cleanUp(): Promise<void>;
}

/**
 * The command line of a suite: parses the options (exit 64 on bad ones), refuses a missing or stale build (exit 2),
 * runs the suite and exits with its code, once everything it started is gone, also on SIGINT or SIGTERM (130) and
 * on a bug of the suite itself (1).
 */
export async function runSuite<O>(setup: {
  root: string;
  label: string;
  parse: (argv: readonly string[]) => O;
  create: (options: O) => Suite;
  log: (message: string) => void;
}): Promise<never> {
  const started = Date.now();
  let options: O;
  try {
    options = setup.parse(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  const stale = checkBuild(setup.root);
  if (stale) {
    console.error(stale);
    process.exit(2);
  }
  const suite = setup.create(options);
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => (cleaning ??= suite.cleanUp());
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (cleaning) return;
    console.error(`\n${signal}: stopping the ${setup.label}'s processes and services`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  // A bug of the suite itself must not leave its processes and services behind.
  process.on('unhandledRejection', (error: unknown) => {
    console.error(`\nUnhandled rejection in the ${setup.label}: ${(error as Error).stack ?? String(error)}`);
    void cleanUp().finally(() => process.exit(1));
  });
  let code = 1;
  try {
    code = await suite.run();
  } catch (error) {
    console.error(`\nThe ${setup.label} failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    // Also when a signal started it: exit only once everything the suite started is gone.
    await cleanUp();
  }
  setup.log(`Done in ${Math.round((Date.now() - started) / 100) / 10} s`);
  process.exit(code);
}
