import { Client } from 'pg';
import { AppConfig } from '../../api/src/core/config/app.config';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import { revertLastMigration, runPendingMigrations } from '../../api/src/core/database/migration-runner.util';
import { AddReactivationCapacity1795450000000 } from '../../api/src/core/database/migrations/1795450000000-AddReactivationCapacity';
import { AddCheckInHandover1795460000000 } from '../../api/src/core/database/migrations/1795460000000-AddCheckInHandover';
import { AddDashboardIndexes1795480000000 } from '../../api/src/core/database/migrations/1795480000000-AddDashboardIndexes';
import { MIGRATIONS } from '../../api/src/core/database/schema.registry';
import { ADMIN_DATABASE_URL, currentTestRun } from '../support/test-run';

const tables = async (client: Client): Promise<string[]> =>
  (
    await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.table_name);

const indexes = async (client: Client): Promise<string[]> =>
  (
    await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)
  ).rows.map((r) => r.indexname);

const columnsOf = async (client: Client, table: string): Promise<string[]> =>
  (
    await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    )
  ).rows.map((r) => r.column_name);

describe('migrations', () => {
  const name = `${currentTestRun().databaseName}_mig`;
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('run forward, revert completely, and run forward again; concurrent runners migrate once', async () => {
    const config = AppConfig.fromEnv({ DATABASE_URL: url.toString() });
    const [a, b] = [createDataSource(config, 'mig-a'), createDataSource(config, 'mig-b')];
    await Promise.all([a.initialize(), b.initialize()]);
    const probe = new Client({ connectionString: url.toString() });
    await probe.connect();
    try {
      const [ranA, ranB] = await Promise.all([runPendingMigrations(a), runPendingMigrations(b)]);
      expect(ranA.length + ranB.length).toBe(MIGRATIONS.length);
      expect(await tables(probe)).toEqual([
        'audit_chains',
        'audit_events',
        'check_in_tallies',
        'check_in_tally_changes',
        'check_in_tokens',
        'check_ins',
        'client_partner_consents',
        'client_partner_references',
        'clients',
        'idempotency_keys',
        'notifications',
        'organisations',
        'partner_api_keys',
        'partner_organisations',
        'pending_sign_ins',
        'reactivation_reasons',
        'reactivation_requests',
        'sessions',
        'sign_in_failures',
        'signal_feedback',
        'signals',
        'timers',
        'user_absences',
        'user_recovery_codes',
        'user_two_factor',
        'users',
        'watch_events',
        'watches',
      ]);

      // Each migration reverts on its own, newest first: what a later one added goes, the older tables stay.
      const revertDownTo = async (migration: { name: string }): Promise<number> => {
        const steps = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === migration.name);
        for (let i = 0; i < steps - reverted; i++) expect(await revertLastMigration(a)).toBe(true);
        return steps;
      };
      let reverted = 0;
      expect(await indexes(probe)).toContain('watch_events_org_lapsed_idx');
      reverted = await revertDownTo(AddDashboardIndexes1795480000000);
      expect(await indexes(probe)).not.toContain('watch_events_org_lapsed_idx');
      expect(await tables(probe)).toContain('audit_events');
      expect(await columnsOf(probe, 'check_ins')).toContain('handed_over_from');
      reverted = await revertDownTo(AddCheckInHandover1795460000000);
      expect(await tables(probe)).not.toContain('audit_events');
      expect(await columnsOf(probe, 'check_ins')).not.toContain('handed_over_from');
      expect(await columnsOf(probe, 'users')).toContain('reactivation_capacity');
      reverted = await revertDownTo(AddReactivationCapacity1795450000000);
      expect(await columnsOf(probe, 'users')).not.toContain('reactivation_capacity');
      expect(await tables(probe)).toContain('reactivation_requests');
      for (let i = reverted; i < MIGRATIONS.length; i++) expect(await revertLastMigration(a)).toBe(true);
      expect(await revertLastMigration(a)).toBe(false);
      expect(await tables(probe)).toEqual([]);

      expect(await runPendingMigrations(a)).toHaveLength(MIGRATIONS.length);
      expect(await runPendingMigrations(b)).toEqual([]);
    } finally {
      await probe.end();
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
