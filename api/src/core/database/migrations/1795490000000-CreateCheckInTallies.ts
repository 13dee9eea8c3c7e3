import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The key of a tally: what the dashboard groups and filters check-ins by. */
const KEY = 'organisation_id, due_date, caseworker_id, neighbourhood, timeliness';

/**
 * How a check-in turned out, as `checkInTimelinessSql` defines it (the check-in overview's filter); `x` is the
 * check-in, `o` its organisation. An integration spec keeps the two in step.
 */
const TIMELINESS = `(CASE x.status
    WHEN 'done' THEN CASE WHEN (x.completed_at AT TIME ZONE o.time_zone)::date <= x.due_date
      THEN 'on_time' ELSE 'late' END
    WHEN 'missed' THEN 'missed'
    WHEN 'planned' THEN 'open'
    ELSE NULL END)`;

/**
 * The signed changes of a set of check-in rows `rows` (each with a sign `n`), grouped per key, zeros dropped; the
 * rows may use the common table expressions of `withClause`. The wijk is looked up per row (an index lookup each)
 * rather than joined: the planner cannot know the size of a transition table, and a hash join would read every
 * watch and client for one recorded check-in.
 */
const changesOf = (rows: string, withClause = ''): string => `
  ${withClause} INSERT INTO check_in_tally_changes (${KEY}, n)
  SELECT x.organisation_id, x.due_date, x.caseworker_id, x.neighbourhood, ${TIMELINESS}, sum(x.n)
  FROM (SELECT r.*,
          (SELECT c.neighbourhood FROM watches w JOIN clients c ON c.id = w.client_id WHERE w.id = r.watch_id)
            AS neighbourhood
        FROM (${rows}) r
        WHERE r.status <> 'cancelled') x
  JOIN organisations o ON o.id = x.organisation_id
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0`;

const COLUMNS = 'id, organisation_id, watch_id, caseworker_id, due_date, status, completed_at';

/**
 * Check-in tallies: the number of check-ins per organisation, due date, caseworker, wijk and outcome, so the
 * dashboard adds up a few thousand counts instead of reading every check-in of the period.
 *
 * Triggers write every change as a signed row into check_in_tally_changes (append-only: concurrent writers never
 * wait for each other on a shared counter); the check-in-tally-compact job folds those into check_in_tallies. The
 * dashboard reads the sum of both, so a figure is exact the moment a change commits. Watches and clients can no
 * longer be deleted while check-ins refer to them (NO ACTION instead of CASCADE), so every deletion passes through
 * check_ins' own trigger; deleting an organisation still removes everything at once.
 */
export class CreateCheckInTallies1795490000000 implements MigrationInterface {
  name = 'CreateCheckInTallies1795490000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['check_in_tallies', 'check_in_tally_changes'])
      await q.query(`
        CREATE TABLE ${table} (
          ${table === 'check_in_tally_changes' ? 'id bigserial PRIMARY KEY,' : ''}
          organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          due_date date NOT NULL,
          caseworker_id uuid NOT NULL,
          -- The wijk of the watch's client when the change happened; null: none recorded.
          neighbourhood text,
          timeliness text NOT NULL CHECK (timeliness IN ('on_time', 'late', 'missed', 'open')),
          n integer NOT NULL
        )`);
    await q.query(
      `CREATE UNIQUE INDEX check_in_tallies_key_idx ON check_in_tallies (${KEY}) NULLS NOT DISTINCT`,
    );
    await q.query(
      `CREATE INDEX check_in_tally_changes_org_due_idx ON check_in_tally_changes (organisation_id, due_date)`,
    );

    await q.query(`
      CREATE FUNCTION check_in_tally_capture() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- EXECUTE plans each statement for the rows at hand: a plan cached from one recorded check-in would nest
        -- loops over a bulk update's thousands of rows, one cached from a bulk update would JIT-compile for one row.
        IF TG_OP = 'INSERT' THEN
          EXECUTE $sql$ ${changesOf(`SELECT ${COLUMNS}, 1 AS n FROM new_rows`)} $sql$;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE $sql$ ${changesOf(`SELECT ${COLUMNS}, -1 AS n FROM old_rows`)} $sql$;
        ELSE
          EXECUTE $sql$ ${changesOf(
            `
            SELECT ${COLUMNS}, -1 AS n FROM old_rows WHERE id IN (SELECT id FROM changed)
            UNION ALL
            SELECT ${COLUMNS}, 1 AS n FROM new_rows WHERE id IN (SELECT id FROM changed)`,
            // Only rows whose tally key changed: a reminder stamp or a note changes no figure.
            `WITH changed AS (
              SELECT b.id FROM old_rows b JOIN new_rows a ON a.id = b.id
              WHERE (a.caseworker_id, a.due_date, a.status, a.completed_at)
                IS DISTINCT FROM (b.caseworker_id, b.due_date, b.status, b.completed_at))`,
          )} $sql$;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER check_in_tally_insert AFTER INSERT ON check_ins
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_in_tally_capture()`);
    await q.query(`CREATE TRIGGER check_in_tally_update AFTER UPDATE ON check_ins
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION check_in_tally_capture()`);
    await q.query(`CREATE TRIGGER check_in_tally_delete AFTER DELETE ON check_ins
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION check_in_tally_capture()`);

    // A client moving to another wijk moves the tallies of her check-ins with her.
    await q.query(`
      CREATE FUNCTION check_in_tally_client_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO check_in_tally_changes (${KEY}, n)
        SELECT x.organisation_id, x.due_date, x.caseworker_id, hood.neighbourhood, ${TIMELINESS}, hood.n * count(*)
        FROM check_ins x
        JOIN watches w ON w.id = x.watch_id
        JOIN organisations o ON o.id = x.organisation_id
        CROSS JOIN (VALUES (OLD.neighbourhood, -1), (NEW.neighbourhood, 1)) AS hood (neighbourhood, n)
        WHERE w.client_id = NEW.id AND x.status <> 'cancelled'
        GROUP BY 1, 2, 3, 4, 5, hood.n;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER check_in_tally_client_moved AFTER UPDATE OF neighbourhood ON clients
      FOR EACH ROW WHEN (OLD.neighbourhood IS DISTINCT FROM NEW.neighbourhood)
      EXECUTE FUNCTION check_in_tally_client_moved()`);

    // Another time zone can move a completion to another local day, so on time becomes late or the reverse.
    await q.query(`
      CREATE FUNCTION check_in_tally_time_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO check_in_tally_changes (${KEY}, n)
        SELECT x.organisation_id, x.due_date, x.caseworker_id, c.neighbourhood, zone.timeliness, zone.n * count(*)
        FROM check_ins x
        JOIN watches w ON w.id = x.watch_id
        JOIN clients c ON c.id = w.client_id
        CROSS JOIN LATERAL (VALUES
          (CASE WHEN (x.completed_at AT TIME ZONE OLD.time_zone)::date <= x.due_date THEN 'on_time' ELSE 'late' END, -1),
          (CASE WHEN (x.completed_at AT TIME ZONE NEW.time_zone)::date <= x.due_date THEN 'on_time' ELSE 'late' END, 1)
        ) AS zone (timeliness, n)
        WHERE x.organisation_id = NEW.id AND x.status = 'done'
        GROUP BY 1, 2, 3, 4, 5, zone.n;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER check_in_tally_time_zone_changed AFTER UPDATE OF time_zone ON organisations
      FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
      EXECUTE FUNCTION check_in_tally_time_zone_changed()`);

    // What is there already.
    await q.query(`
      INSERT INTO check_in_tallies (${KEY}, n)
      SELECT x.organisation_id, x.due_date, x.caseworker_id, c.neighbourhood, ${TIMELINESS}, count(*)
      FROM check_ins x
      JOIN organisations o ON o.id = x.organisation_id
      JOIN watches w ON w.id = x.watch_id
      JOIN clients c ON c.id = w.client_id
      WHERE x.status <> 'cancelled'
      GROUP BY 1, 2, 3, 4, 5`);

    await this.setDeleteRule(q, 'NO ACTION');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.setDeleteRule(q, 'CASCADE');
    await q.query(`DROP TRIGGER check_in_tally_time_zone_changed ON organisations`);
    await q.query(`DROP TRIGGER check_in_tally_client_moved ON clients`);
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER check_in_tally_${op} ON check_ins`);
    for (const fn of ['capture', 'client_moved', 'time_zone_changed'])
      await q.query(`DROP FUNCTION check_in_tally_${fn}()`);
    await q.query(`DROP TABLE check_in_tally_changes`);
    await q.query(`DROP TABLE check_in_tallies`);
  }

  /** The delete rule of check-ins → watch and watches → client. */
  private async setDeleteRule(q: QueryRunner, rule: 'CASCADE' | 'NO ACTION'): Promise<void> {
    const fks: Array<{ table: string; name: string; definition: string }> = await q.query(`
      SELECT rel.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_class ref ON ref.oid = con.confrelid
      WHERE con.contype = 'f' AND rel.relnamespace = current_schema()::regnamespace
        AND ((rel.relname = 'check_ins' AND ref.relname = 'watches')
          OR (rel.relname = 'watches' AND ref.relname = 'clients'))`);
    for (const fk of fks) {
      const definition = fk.definition.replace(/ ON DELETE CASCADE/, '');
      const to = rule === 'CASCADE' ? `${definition} ON DELETE CASCADE` : definition;
      await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}, ADD CONSTRAINT ${fk.name} ${to}`);
    }
  }
}
