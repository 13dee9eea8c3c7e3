import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { PasswordHasher } from '../../api/src/core/auth/password-hasher.service';
import { DEMO_ORGANISATION, DEMO_USERS, DemoSeedService } from '../../api/src/modules/demo/demo-seed.service';
import { testConfig } from '../support/test-config';

describe('demo data', () => {
  let app: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(
      AppModule.forConfig(testConfig({ WAAKVLAM_ROLES: 'api', DEMO_PASSWORD: 'demo-password-for-test' })),
      { logger: false },
    );
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  const demoAccounts = async () =>
    db.query(
      `SELECT u.email, u.role, u.password_hash, p.name AS partner FROM users u
       JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN partner_organisations p ON p.id = u.partner_organisation_id
       WHERE o.name = $1 ORDER BY u.email`,
      [DEMO_ORGANISATION],
    ) as Promise<Array<{ email: string; role: string; password_hash: string; partner: string | null }>>;

  it('creates the organisation and its accounts once, even when started twice at the same time', async () => {
    const seeder = app.get(DemoSeedService);
    const created = await Promise.all([seeder.seed({ recreate: false }), seeder.seed({ recreate: false })]);
    expect(created.filter(Boolean)).toHaveLength(1);

    const accounts = await demoAccounts();
    expect(accounts.map((a) => a.email)).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(accounts.find((a) => a.role === 'partner')?.partner).toBe('Woonstichting Voorbeeld');
    await expect(
      new PasswordHasher().verify(accounts[0].password_hash, 'demo-password-for-test'),
    ).resolves.toBe(true);

    // The dashboard has history to show: requests from several sources (open ones for the lapsed watches) and
    // the partner's signals, most answered, a few still waiting, each answer visible to the partner.
    const [activity]: Array<Record<string, number>> = await db.query(
      `SELECT (SELECT count(DISTINCT s) FROM reactivation_requests r, unnest(r.sources) s
                 WHERE r.organisation_id = o.id)::int AS sources,
              (SELECT count(*) FROM reactivation_requests r WHERE r.organisation_id = o.id AND r.status = 'open'
                 AND 'lapse' = ANY(r.sources))::int AS open_lapses,
              (SELECT count(*) FROM watches w WHERE w.organisation_id = o.id AND w.status = 'lapsed')::int AS lapsed,
              (SELECT count(*) FROM signals s WHERE s.organisation_id = o.id AND s.first_feedback_at IS NULL)::int
                AS awaiting,
              (SELECT count(*) FROM signals s WHERE s.organisation_id = o.id AND s.first_feedback_at IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM signal_feedback f WHERE f.signal_id = s.id))::int AS unexplained,
              (SELECT count(*) FROM check_ins c WHERE c.organisation_id = o.id AND c.status = 'done'
                 AND (c.completed_at AT TIME ZONE o.time_zone)::date > c.due_date)::int AS late
       FROM organisations o WHERE o.name = $1`,
      [DEMO_ORGANISATION],
    );
    expect(activity['sources']).toBeGreaterThanOrEqual(4);
    expect(activity['open_lapses']).toBe(activity['lapsed']);
    expect(activity['awaiting']).toBe(2);
    expect(activity['unexplained']).toBe(0);
    expect(activity['late']).toBeGreaterThan(0);
  });

  it('recreates the organisation on request, with new ids', async () => {
    const [before]: Array<{ id: string }> = await db.query(`SELECT id FROM organisations WHERE name = $1`, [
      DEMO_ORGANISATION,
    ]);
    await app.get(DemoSeedService).seed({ recreate: true });
    const after: Array<{ id: string }> = await db.query(`SELECT id FROM organisations WHERE name = $1`, [
      DEMO_ORGANISATION,
    ]);
    expect(after).toHaveLength(1);
    expect(after[0].id).not.toBe(before.id);
    expect(await demoAccounts()).toHaveLength(DEMO_USERS.length);
  });
});
