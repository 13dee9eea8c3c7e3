import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantContext } from '../../api/src/core/database/tenant-context.store';
import { AuditChainVerifier, type AuditChainProblem } from '../../api/src/modules/audit/audit-chain.verifier';
import { AUDIT_GENESIS_HASH } from '../../api/src/modules/audit/audit-chain.util';
import type { AuditEventInput } from '../../api/src/modules/audit/audit-event.model';
import { AuditRetentionProcessor } from '../../api/src/modules/audit/audit-retention.processor';
import { AuditService } from '../../api/src/modules/audit/audit.service';
import { createOrganisation } from '../support/factories';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const event = (organisationId: string, n: number): AuditEventInput => ({
  organisationId,
  action: 'read',
  userId: null,
  role: 'coordinator',
  clientIds: [],
  resource: `clients.read`,
  source: 'console',
  details: { n },
});

describe('the audit log as a hash chain', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let audit: AuditService;
  /** The owner (a superuser in tests): it may switch the triggers off, as an attacker with full rights could. */
  let owner: Client;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
    audit = app.get(AuditService);
    owner = new Client({ connectionString: currentTestRun().ownerDatabaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await app.close();
  });

  const record = (organisationId: string, n: number): Promise<string> =>
    TenantContext.forOrganisation(organisationId, () => audit.record(event(organisationId, n)));

  /** The verifier's problems for one organisation (other specs share the database). */
  const problemsOf = async (organisationId: string): Promise<AuditChainProblem[]> => {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT set_config('waakvlam.system', 'on', false)`);
      const report = await new AuditChainVerifier(runner).verify();
      return report.problems.filter((p) => p.organisationId === organisationId);
    } finally {
      await runner.query(`SELECT set_config('waakvlam.system', '', false)`);
      await runner.release();
    }
  };

  const chainOf = async (organisationId: string) =>
    (
      await owner.query<{ seq: string; prev_hash: string; hash: string }>(
        `SELECT a.seq::text AS seq, a.prev_hash, a.hash FROM audit_events a WHERE a.organisation_id = $1 ORDER BY a.seq`,
        [organisationId],
      )
    ).rows;

  /** As the owner with triggers off (session_replication_role): what only tampering can do. */
  const tamper = async (sql: string, params: unknown[]): Promise<void> => {
    await owner.query('BEGIN');
    await owner.query(`SET LOCAL session_replication_role = replica`);
    await owner.query(sql, params);
    await owner.query('COMMIT');
  };

  it('gives concurrent writers on several connections one unbroken chain per organisation', async () => {
    const [a, b] = [(await createOrganisation(db)).id, (await createOrganisation(db)).id];
    await Promise.all(Array.from({ length: 120 }, (_, i) => record(i % 3 === 0 ? b : a, i)));
    for (const [org, count] of [
      [a, 80],
      [b, 40],
    ] as const) {
      const chain = await chainOf(org);
      expect(chain.map((r) => Number(r.seq))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(chain[0].prev_hash).toBe(AUDIT_GENESIS_HASH);
      for (let i = 1; i < chain.length; i++) expect(chain[i].prev_hash).toBe(chain[i - 1].hash);
      expect(await problemsOf(org)).toEqual([]);
    }
  });

  it('finds a changed event, a deleted one, a re-linked one and a cut-off end', async () => {
    const org = (await createOrganisation(db)).id;
    for (let i = 0; i < 10; i++) await record(org, i);
    expect(await problemsOf(org)).toEqual([]);

    await tamper(`UPDATE audit_events SET resource = 'watches.read' WHERE organisation_id = $1 AND seq = 3`, [
      org,
    ]);
    expect(await problemsOf(org)).toEqual([expect.objectContaining({ seq: '3', kind: 'changed' })]);

    await tamper(`DELETE FROM audit_events WHERE organisation_id = $1 AND seq = 5`, [org]);
    expect(await problemsOf(org)).toEqual([
      expect.objectContaining({ seq: '3', kind: 'changed' }),
      expect.objectContaining({ seq: '5', kind: 'missing' }),
    ]);

    // Recomputing the hash of a moved event does not help: it no longer follows the one before it.
    await tamper(`UPDATE audit_events SET prev_hash = $2 WHERE organisation_id = $1 AND seq = 7`, [
      org,
      AUDIT_GENESIS_HASH,
    ]);
    await tamper(
      `UPDATE audit_events e SET hash = audit_event_hash(e) WHERE organisation_id = $1 AND seq = 7`,
      [org],
    );
    const afterRelink = await problemsOf(org);
    expect(afterRelink).toContainEqual(expect.objectContaining({ seq: '7', kind: 'reordered' }));
    expect(afterRelink).not.toContainEqual(expect.objectContaining({ seq: '7', kind: 'changed' }));

    await tamper(`DELETE FROM audit_events WHERE organisation_id = $1 AND seq >= 9`, [org]);
    expect(await problemsOf(org)).toContainEqual(expect.objectContaining({ seq: '9', kind: 'missing' }));
  });

  it('refuses to update, delete or truncate events, also for the owner', async () => {
    const org = (await createOrganisation(db)).id;
    await record(org, 1);
    for (const sql of [
      `UPDATE audit_events SET resource = 'x.y' WHERE organisation_id = '${org}'`,
      `DELETE FROM audit_events WHERE organisation_id = '${org}'`,
      `TRUNCATE audit_events`,
    ]) {
      await expect(owner.query(sql)).rejects.toThrow(/append-only/);
    }
    // The application's role may only add and read.
    await expect(
      TenantContext.forOrganisation(org, () =>
        db.query(`UPDATE audit_events SET resource = 'x.y' WHERE organisation_id = $1`, [org]),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    expect(await chainOf(org)).toHaveLength(1);
  });

  it('lets the log go with its organisation', async () => {
    const org = (await createOrganisation(db)).id;
    await record(org, 1);
    await owner.query(`DELETE FROM organisations WHERE id = $1`, [org]);
    expect(await chainOf(org)).toEqual([]);
  });

  describe('retention', () => {
    /** Events written years ago (as the owner: the application cannot backdate). */
    const writeOld = async (org: string, yearsAgo: number, count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        await owner.query(
          `INSERT INTO audit_events (organisation_id, occurred_at, action, outcome, role, resource, source)
           VALUES ($1, now() - make_interval(years => $2) + make_interval(secs => $3), 'read', 'success',
                   'caseworker', 'clients.read', 'console')`,
          [org, yearsAgo, i],
        );
      }
    };

    it('removes events past 5 years from the start of each chain, keeps verification whole, and twice is once', async () => {
      const org = (await createOrganisation(db)).id;
      await writeOld(org, 7, 3);
      await writeOld(org, 6, 2);
      await writeOld(org, 4, 2);
      await record(org, 99);
      const processor = app.get(AuditRetentionProcessor);

      await processor.process();
      expect((await chainOf(org)).map((r) => r.seq)).toEqual(['6', '7', '8']);
      const [anchor] = (
        await owner.query(
          `SELECT anchor_seq::text, purged::int FROM audit_chains WHERE organisation_id = $1`,
          [org],
        )
      ).rows;
      expect(anchor).toEqual({ anchor_seq: '5', purged: 5 });
      expect(await problemsOf(org)).toEqual([]);

      await processor.process();
      expect((await chainOf(org)).map((r) => r.seq)).toEqual(['6', '7', '8']);
      await record(org, 100);
      expect((await chainOf(org)).map((r) => r.seq)).toEqual(['6', '7', '8', '9']);
      expect(await problemsOf(org)).toEqual([]);
    });

    it('never removes events younger than 5 years, whatever it is asked', async () => {
      const org = (await createOrganisation(db)).id;
      await writeOld(org, 4, 2);
      await expect(
        owner.query(`SELECT audit_events_purge($1, now() - interval '1 year', 100)`, [org]),
      ).rejects.toThrow(/at least 5 years/);
      // Even with the retention switch on, the trigger refuses a young or unanchored event.
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('waakvlam.audit_retention', 'on', true)`);
      await expect(owner.query(`DELETE FROM audit_events WHERE organisation_id = $1`, [org])).rejects.toThrow(
        /append-only/,
      );
      await owner.query('ROLLBACK');
      expect(await chainOf(org)).toHaveLength(2);
    });
  });
});
