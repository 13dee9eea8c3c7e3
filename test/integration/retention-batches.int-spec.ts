import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { ANONYMISED } from '../../api/src/modules/privacy/client-anonymiser.service';
import { ClientRetentionService } from '../../api/src/modules/privacy/client-retention.service';
import { createClient, createTeam, createWatch } from '../support/factories';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const YEAR_MS = 365 * 86_400_000;

describe('the retention job in batches', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let retention: ClientRetentionService;

  beforeAll(async () => {
    const config = testConfig({
      WAAKVLAM_ROLES: 'api',
      CLIENT_RETENTION_BATCH_SIZE: '2',
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-ret`,
    });
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    db = app.get(DataSource);
    retention = app.get(ClientRetentionService);
  });
  afterAll(() => app.close());

  /** Clients of one organisation with one watch each, ended `years` ago. */
  async function clientsEnded(years: number, n: number, organisationId: string, staffId: string) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const client = await createClient(db, organisationId, staffId, { email: `oud-${i}@example.nl` });
      await createWatch(db, organisationId, client.id, staffId, {
        status: 'ended',
        endedAt: new Date(Date.now() - years * YEAR_MS),
      });
      ids.push(client.id);
    }
    return ids;
  }

  const anonymised = async (ids: readonly string[]): Promise<string[]> => {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM clients WHERE id = ANY($1::uuid[]) AND anonymised_at IS NOT NULL AND name = $2 ORDER BY id`,
      [ids, ANONYMISED.name],
    );
    return rows.map((r) => r.id);
  };
  const retentionEvents = async (ids: readonly string[]): Promise<number> => {
    const [row]: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE resource = 'clients.retention' AND client_ids && $1::uuid[]`,
      [ids],
    );
    return row.n;
  };

  it('works through every due client in batches, skips locked ones until the next run, and is safe twice', async () => {
    const team = await createTeam(db);
    const org = team.organisation.id;
    const due = await clientsEnded(3, 5, org, team.caseworker.id);
    const notDue = await clientsEnded(1, 2, org, team.caseworker.id);

    // Another transaction holds one due client (a coordinator editing it): the job passes it by.
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [held] = [...due].sort();
    await runner.query(`SELECT 1 FROM clients WHERE id = $1 FOR UPDATE`, [held]);
    let first;
    try {
      first = await retention.run();
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    // Four due clients that are not held, two per batch; other specs' clients may add batches of their own.
    expect(first.batches).toBeGreaterThanOrEqual(2);
    expect(first.anonymised).toBeGreaterThanOrEqual(4);
    expect(await anonymised(due)).toEqual(due.filter((id) => id !== held).sort());
    expect(await anonymised(notDue)).toEqual([]);

    const second = await retention.run();
    expect(second.anonymised).toBeGreaterThanOrEqual(1);
    expect(await anonymised(due)).toEqual([...due].sort());
    expect(await retentionEvents(due)).toBe(5);

    // Nothing is left to do for these clients: a third run changes nothing and records nothing.
    await retention.run();
    expect(await retentionEvents(due)).toBe(5);
    expect(await retentionEvents(notDue)).toBe(0);
    const emails: Array<{ email: string | null }> = await db.query(
      `SELECT email FROM clients WHERE id = ANY($1::uuid[])`,
      [due],
    );
    expect(emails.every((e) => e.email === null)).toBe(true);
  });
});
