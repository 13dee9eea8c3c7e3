import type { MigrationInterface, QueryRunner } from 'typeorm';

const POSTCODE = `'^[1-9][0-9]{3}[A-Z]{2}$'`;
/** What an anonymised client's postcode becomes: outside the Dutch range (no postcode starts with 0). */
const ANONYMISED_POSTCODE = `'0000AA'`;

/**
 * Residents' rights (AVG art. 15 and 17): clients can be anonymised in place (`anonymised_at`), organisations can
 * say for how many years after a watch's end its care file must be kept (`care_file_retention_years`; null: the
 * service's CARE_FILE_RETENTION_YEARS), and the indexes of the data export, the erasure and the retention job.
 */
export class AddClientAnonymisation1795520000000 implements MigrationInterface {
  name = 'AddClientAnonymisation1795520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clients ADD COLUMN anonymised_at timestamptz`);
    // An anonymised client keeps a placeholder postcode that no real address (and no signal) can have.
    await q.query(`ALTER TABLE clients DROP CONSTRAINT clients_postcode_check`);
    await q.query(
      `ALTER TABLE clients ADD CONSTRAINT clients_postcode_check CHECK (
         postcode ~ ${POSTCODE} OR (anonymised_at IS NOT NULL AND postcode = ${ANONYMISED_POSTCODE}))`,
    );
    await q.query(
      `ALTER TABLE organisations ADD COLUMN care_file_retention_years integer
         CONSTRAINT organisations_care_file_retention_range
         CHECK (care_file_retention_years IS NULL OR care_file_retention_years BETWEEN 0 AND 30)`,
    );
    // The export and the erasure: the signals about a client (linked by reference or at triage).
    await q.query(`CREATE INDEX signals_client_idx ON signals (client_id) WHERE client_id IS NOT NULL`);
    // The export and the erasure: the outbox messages about a client, found by their idempotency keys, which name
    // the check-in, watch, request or signal (`check-in-missed-<id>-…`): a byte-wise index serves the prefix ranges.
    await q.query(
      `CREATE INDEX notifications_key_bytes_idx ON notifications ((idempotency_key COLLATE "C"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_key_bytes_idx`);
    await q.query(`DROP INDEX signals_client_idx`);
    await q.query(
      `ALTER TABLE organisations DROP CONSTRAINT organisations_care_file_retention_range,
         DROP COLUMN care_file_retention_years`,
    );
    await q.query(`ALTER TABLE clients DROP CONSTRAINT clients_postcode_check`);
    // The placeholder is not a postcode: anonymised clients get one of the highest range (their data stays erased).
    await q.query(`UPDATE clients SET postcode = '9999ZZ' WHERE postcode = ${ANONYMISED_POSTCODE}`);
    await q.query(`ALTER TABLE clients ADD CONSTRAINT clients_postcode_check CHECK (postcode ~ ${POSTCODE})`);
    await q.query(`ALTER TABLE clients DROP COLUMN anonymised_at`);
  }
}
