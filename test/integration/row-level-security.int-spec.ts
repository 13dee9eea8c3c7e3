import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { applicationRoleProblems } from '../../api/src/core/database/application-role.util';
import { TenantContext } from '../../api/src/core/database/tenant-context.store';
import { tenantSettingsSql } from '../../api/src/core/database/tenant-transaction.util';
import { createCheckIn, createClient, createTeam, createWatch } from '../support/factories';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

/** A connection of its own, as the application's role or as the owner. */
async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('row-level security against PostgreSQL', () => {
  const run = currentTestRun();
  let app: INestApplicationContext;
  let db: DataSource;
  let owner: Client;
  let asApp: Client;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
    owner = await connect(run.ownerDatabaseUrl);
    asApp = await connect(run.databaseUrl);
  });
  afterAll(async () => {
    await asApp.end();
    await owner.end();
    await app.close();
  });

  /** Two organisations, each with a client, a watch and a check-in. */
  async function twoOrganisations() {
    const make = async () => {
      const team = await createTeam(db);
      const org = team.organisation.id;
      const client = await createClient(db, org, team.coordinator.id);
      const watch = await createWatch(db, org, client.id, team.caseworker.id);
      await createCheckIn(db, org, watch.id, team.caseworker.id, { dueDate: '2026-03-02' });
      return { org, team, client, watch };
    };
    return { a: await make(), b: await make() };
  }

  const tenantTables = async (): Promise<string[]> =>
    (
      await owner.query<{ table: string }>(
        `SELECT c.relname AS table FROM pg_class c
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped
         WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
      )
    ).rows.map((r) => r.table);

  it('every table with organisation_id (and organisations) forces row-level security with a policy', async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThan(15);
    const { rows } = await owner.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])
       ORDER BY 1`,
      [[...tables, 'organisations']],
    );
    const unprotected = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unprotected).toEqual([]);
    expect(rows).toHaveLength(tables.length + 1);
  });

  it('the application role is no superuser, has no BYPASSRLS and owns no table; the owner is told apart', async () => {
    expect(await applicationRoleProblems(db)).toEqual([]);
    const ownerSource = new DataSource({ type: 'postgres', url: run.ownerDatabaseUrl });
    await ownerSource.initialize();
    try {
      expect((await applicationRoleProblems(ownerSource)).join('; ')).toMatch(/superuser|owns/);
    } finally {
      await ownerSource.destroy();
    }
  });

  it('a query without organisation context returns no rows, in every tenant table', async () => {
    await twoOrganisations();
    const seen: Record<string, number> = {};
    for (const table of [...(await tenantTables()), 'organisations']) {
      const { rows } = await asApp.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      seen[table] = rows[0].n;
    }
    expect(Object.entries(seen).filter(([, n]) => n > 0)).toEqual([]);
    // The rows are there: the owner sees them.
    const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM watches`);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("an organisation's context shows only its own rows and refuses writing another's", async () => {
    const { a, b } = await twoOrganisations();
    await asApp.query(`BEGIN; ${tenantSettingsSql({ kind: 'organisation', organisationId: a.org })}`);
    try {
      const watches = await asApp.query<{ id: string }>(`SELECT id FROM watches`);
      expect(watches.rows.map((r) => r.id)).toEqual([a.watch.id]);
      const organisations = await asApp.query<{ id: string }>(`SELECT id FROM organisations`);
      expect(organisations.rows.map((r) => r.id)).toEqual([a.org]);
      const moved = await asApp.query(`UPDATE clients SET name = 'Overgenomen' WHERE id = $1`, [b.client.id]);
      expect(moved.rowCount).toBe(0);
      await expect(
        asApp.query(
          `INSERT INTO watch_events (organisation_id, watch_id, type, at) VALUES ($1, $2, 'lapsed', now())`,
          [b.org, b.watch.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await asApp.query('ROLLBACK');
    }
  });

  it('the application may add to the audit log and read it, never change or delete it, nor touch migrations', async () => {
    const { a } = await twoOrganisations();
    await asApp.query(`BEGIN; ${tenantSettingsSql({ kind: 'organisation', organisationId: a.org })}`);
    try {
      await asApp.query(
        `INSERT INTO audit_events (organisation_id, action, outcome, resource, source)
         VALUES ($1, 'read', 'success', 'clients.read', 'console')`,
        [a.org],
      );
      await asApp.query('SAVEPOINT change');
      await expect(asApp.query(`UPDATE audit_events SET outcome = 'failure'`)).rejects.toThrow(
        /permission denied/,
      );
      await asApp.query('ROLLBACK TO SAVEPOINT change');
      await expect(asApp.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await asApp.query('ROLLBACK TO SAVEPOINT change');
      await expect(asApp.query(`SELECT * FROM migrations`)).rejects.toThrow(/permission denied/);
    } finally {
      await asApp.query('ROLLBACK');
    }
  });

  it('the application sets the context of each transaction: a request for one organisation sees only its rows', async () => {
    const { a, b } = await twoOrganisations();
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    const inA = await TenantContext.forOrganisation(a.org, () =>
      db.query(`SELECT id FROM watches WHERE id = ANY($1::uuid[])`, [[a.watch.id, b.watch.id]]),
    );
    expect(ids(inA)).toEqual([a.watch.id]);
    const inTransaction = await TenantContext.forOrganisation(b.org, () =>
      db.transaction((m) =>
        m.query(`SELECT id FROM watches WHERE id = ANY($1::uuid[])`, [[a.watch.id, b.watch.id]]),
      ),
    );
    expect(ids(inTransaction)).toEqual([b.watch.id]);
    const none = await TenantContext.runEmpty(() =>
      db.query(`SELECT id FROM watches WHERE id = ANY($1::uuid[])`, [[a.watch.id, b.watch.id]]),
    );
    expect(none).toEqual([]);
    // The setting is local to its transaction: the connection carries nothing into the next one.
    const after = await TenantContext.runEmpty(() =>
      db.query(`SELECT current_setting('waakvlam.organisation_id', true) AS org`),
    );
    expect([null, '']).toContain(after[0].org);
  });
});
