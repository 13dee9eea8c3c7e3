import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `timers.claim_epoch` and `notifications.dispatch_epoch`: the Redis epoch (see RedisEpoch) a timer's or an
 * e-mail's job was added under. When Redis loses its data (a flush, a restart without persistence), the planner
 * sees a new epoch and at once queues again every timer claimed and every e-mail pending under an earlier epoch of
 * the same prefix, instead of waiting for each lease to run out. Null for work handed out before this migration (its
 * lease still recovers it).
 */
export class AddRedisEpochs1795530000000 implements MigrationInterface {
  name = 'AddRedisEpochs1795530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE timers ADD COLUMN claim_epoch text`);
    await q.query(`ALTER TABLE notifications ADD COLUMN dispatch_epoch text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN dispatch_epoch`);
    await q.query(`ALTER TABLE timers DROP COLUMN claim_epoch`);
  }
}
