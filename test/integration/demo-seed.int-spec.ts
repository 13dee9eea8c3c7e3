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
