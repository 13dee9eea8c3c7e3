import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `timers.claim_epoch`: the Redis epoch (see RedisEpoch) a claimed timer's job was added under. When Redis loses its
 * data (a flush, a restart without persistence), the planner sees a new epoch and claims again at once every timer
 * claimed under an earlier one of the same prefix, instead of waiting for each lease to run out. Null for timers
 * claimed before this migration (their lease still recovers them).
 */
export class AddTimerClaimEpoch1795530000000 implements MigrationInterface {
  name = 'AddTimerClaimEpoch1795530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE timers ADD COLUMN claim_epoch text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE timers DROP COLUMN claim_epoch`);
  }
}
