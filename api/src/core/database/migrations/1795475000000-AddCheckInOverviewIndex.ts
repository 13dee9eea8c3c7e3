import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The index of the coordinator's check-in overview. */
export class AddCheckInOverviewIndex1795475000000 implements MigrationInterface {
  name = 'AddCheckInOverviewIndex1795475000000';

  async up(q: QueryRunner): Promise<void> {
    // GET /api/check-ins/overview?dueFrom&dueTo (and its export): the organisation's check-ins due in a period,
    // newest due first; one range scan in the list's order, paged by LIMIT.
    await q.query(
      `CREATE INDEX check_ins_org_due_idx ON check_ins (organisation_id, due_date DESC, id DESC)
       WHERE status <> 'cancelled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX check_ins_org_due_idx`);
  }
}
