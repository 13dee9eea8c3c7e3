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
