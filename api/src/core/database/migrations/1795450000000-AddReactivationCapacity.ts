import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A caseworker's reactivation capacity: at most this many open requests (open, accepted, contacted) assigned to
 * them at once; assignment passes over a caseworker at capacity as over an absent one. Null: no limit. Also the
 * index of the queue sorted by SLA (the open and accepted requests of an organisation by deadline).
 */
export class AddReactivationCapacity1795450000000 implements MigrationInterface {
  name = 'AddReactivationCapacity1795450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN reactivation_capacity integer
         CONSTRAINT users_reactivation_capacity_range
         CHECK (reactivation_capacity IS NULL OR reactivation_capacity BETWEEN 0 AND 500)`,
    );
    // Assignment counts a caseworker's open requests (the assignee index has every status; this one only open).
    await q.query(
      `CREATE INDEX reactivation_requests_assignee_open_idx ON reactivation_requests (assignee_id)
       WHERE assignee_id IS NOT NULL AND status IN ('open', 'accepted', 'contacted')`,
    );
    // GET /api/reactivations?sort=sla: the requests still waiting for their first contact, most urgent first.
    await q.query(
      `CREATE INDEX reactivation_requests_org_sla_idx ON reactivation_requests (organisation_id, sla_due_at, id)
       WHERE status IN ('open', 'accepted')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reactivation_requests_org_sla_idx`);
    await q.query(`DROP INDEX reactivation_requests_assignee_open_idx`);
    await q.query(`ALTER TABLE users DROP COLUMN reactivation_capacity`);
  }
}
