#!/usr/bin/env node
// `npm start`: builds what is needed and runs the whole service (HTTP + workers + console) in one process.
// On a developer machine it also creates the local database when it does not exist yet.
import { spawn, spawnSync } from 'node:child_process';
import process from 'node:process';
import pg from 'pg';

const env = { ...process.env };
const production = env.NODE_ENV === 'production';

async function ensureLocalDatabase() {
  if (production || env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'waakvlam'`);
    if (rowCount === 0) {
      await client.query('CREATE DATABASE waakvlam');
      console.log('Created the local database "waakvlam".');
    }
    // The application connects as "waakvlam", a member of waakvlam_app (row-level security applies to it); the
    // tables belong to "postgres", which runs the migrations (the defaults of DATABASE_URL and DATABASE_MIGRATION_URL).
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waakvlam_app') THEN
        CREATE ROLE waakvlam_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waakvlam') THEN
        CREATE ROLE waakvlam LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE waakvlam_app;
      END IF;
    END $$`);
  } catch (error) {
    console.error(
      `Cannot reach PostgreSQL at 127.0.0.1:5432 (${error.message}). Start it, or set DATABASE_URL (see .env.example).`,
    );
    process.exit(1);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function build() {
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'admin', '--output-style=static'],
    {
      stdio: 'inherit',
      env: { ...env, NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await ensureLocalDatabase();
build();

const port = env.PORT ?? '3000';
if (!production) {
  console.log(
    `\nWaakvlam starts on http://localhost:${port} — sign in as coordinator@voorbeeld.nl ` +
      `with password ${env.DEMO_PASSWORD ? '(your DEMO_PASSWORD)' : 'waakvlam-demo-2026'}.\n`,
  );
}
const child = spawn(process.execPath, ['dist/api/api/src/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
