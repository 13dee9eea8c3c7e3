import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Absence handover: a planned check-in due in its primary caseworker's absence is handed to the watch's backup,
 * and `handed_over_from` remembers the primary, so that it can go back when the absence is removed and the console
 * can show "Overgenomen van …". Null: not handed over.
 */
export class AddCheckInHandover1795460000000 implements MigrationInterface {
  name = 'AddCheckInHandover1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE check_ins ADD COLUMN handed_over_from uuid,
         ADD CONSTRAINT check_ins_handed_over_from_fk FOREIGN KEY (organisation_id, handed_over_from)
           REFERENCES users (organisation_id, id)`,
    );
    // Removing an absence: the planned check-ins handed over from that caseworker, to give back.
    await q.query(
      `CREATE INDEX check_ins_handed_over_idx ON check_ins (handed_over_from, due_date)
       WHERE status = 'planned' AND handed_over_from IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX check_ins_handed_over_idx`);
    await q.query(
      `ALTER TABLE check_ins DROP CONSTRAINT check_ins_handed_over_from_fk, DROP COLUMN handed_over_from`,
    );
  }
}
