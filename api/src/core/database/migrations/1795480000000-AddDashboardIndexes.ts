import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes of the coordinator's dashboard (`GET /api/dashboard`, `/api/dashboard/neighbourhoods`). */
export class AddDashboardIndexes1795480000000 implements MigrationInterface {
  name = 'AddDashboardIndexes1795480000000';

  async up(q: QueryRunner): Promise<void> {
    // The dashboard's lapses: the organisation's `lapsed` events of a period (one range scan).
    await q.query(
      `CREATE INDEX watch_events_org_lapsed_idx ON watch_events (organisation_id, at) WHERE type = 'lapsed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX watch_events_org_lapsed_idx`);
  }
}
