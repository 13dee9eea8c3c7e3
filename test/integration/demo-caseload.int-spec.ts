import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { CheckInsService } from '../../api/src/modules/check-ins/check-ins.service';
import { DemoCaseloadSeeder } from '../../api/src/modules/demo/demo-caseload.service';
import { createTeam, createUser } from '../support/factories';
import { testConfig } from '../support/test-config';

describe('demo caseload', () => {
  let app: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('seeds 60 residents with watches, check-ins and history in a few statements, usable by the views', async () => {
    const team = await createTeam(db);
    const [cw2, cw3] = await Promise.all([
      createUser(db, team.organisation.id, { role: 'caseworker' }),
      createUser(db, team.organisation.id, { role: 'caseworker' }),
    ]);
    const staff = {
      coordinatorId: team.coordinator.id,
      caseworkerIds: [team.caseworker.id, cw2.id, cw3.id] as const,
    };
    const statements: string[] = [];
    const seeded = await db.transaction(async (tx) => {
      const query = tx.query.bind(tx);
      tx.query = ((sql: string, params?: unknown[]) => {
        statements.push(sql);
        return query(sql, params);
      }) as typeof tx.query;
      return app.get(DemoCaseloadSeeder).seed(tx, team.organisation.id, staff);
    });
    expect(seeded).toBe(60);
    // One per table (clients, watches, check-ins, events, timers), and three for the caseworkers' digests.
    expect(statements.length).toBeLessThanOrEqual(8);

    const org = team.organisation.id;
    const count = async (sql: string): Promise<number> => Number((await db.query(sql, [org]))[0].n);
    expect(await count(`SELECT count(*) AS n FROM clients WHERE organisation_id = $1`)).toBe(60);
    const statuses: Array<{ status: string }> = await db.query(
      `SELECT DISTINCT status FROM watches WHERE organisation_id = $1 ORDER BY 1`,
      [org],
    );
    expect(statuses.map((s) => s.status)).toEqual(['active', 'ended', 'lapsed', 'paused']);
    expect(
      await count(`SELECT count(*) AS n FROM check_ins WHERE organisation_id = $1 AND status = 'done'`),
    ).toBeGreaterThan(60);
    expect(await count(`SELECT count(*) AS n FROM watch_events WHERE organisation_id = $1`)).toBeGreaterThan(
      120,
    );

    const scope = TenantScope.fromSession({ organisationId: org });
    const checkIns = app.get(CheckInsService);
    const today = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' }).today(new Date());
    for (const caseworker of staff.caseworkerIds) {
      const todays = await checkIns.view(scope, caseworker, 'today');
      expect(todays.some((c) => c.dueDate === today)).toBe(true);
      expect((await checkIns.view(scope, caseworker, 'caseload')).some((c) => c.dueDate > today)).toBe(true);
    }
    const overdue = await Promise.all(staff.caseworkerIds.map((id) => checkIns.view(scope, id, 'overdue')));
    expect(overdue.flat().length).toBeGreaterThan(0);
  });
});
