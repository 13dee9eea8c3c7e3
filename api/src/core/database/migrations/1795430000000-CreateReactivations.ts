import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'open', 'accepted', 'contacted', 'resolved', 'cancelled'`;
const OPEN_STATUSES = `'open', 'accepted', 'contacted'`;
const RESOLUTIONS = `'back_to_watch', 'support_resumed', 'referred', 'closed'`;
const URGENCIES = `'normal', 'urgent'`;
const SOURCES = `'caseworker', 'client', 'lapse', 'partner_signal', 'coordinator'`;
const SLA_TIMER_KINDS = ['reactivation_sla_half', 'reactivation_sla_breach'];
const HH_MM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

/**
 * Reactivation requests (heractiveringen) with the sources and reasons merged into them, caseworker absences
 * (assignment skips absent caseworkers), idempotency keys of retried POSTs, the organisation's SLA settings in
 * working hours, and the SLA timer kinds.
 */
export class CreateReactivations1795430000000 implements MigrationInterface {
  name = 'CreateReactivations1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE organisations
         -- First contact of a request within this many working hours (urgent: 4; normal: 2 working days of 8 h).
         ADD COLUMN sla_urgent_working_hours integer NOT NULL DEFAULT 4
           CHECK (sla_urgent_working_hours BETWEEN 1 AND 400),
         ADD COLUMN sla_normal_working_hours integer NOT NULL DEFAULT 16
           CHECK (sla_normal_working_hours BETWEEN 1 AND 400),
         -- The working day (local time, HH:mm) in which SLA clocks run, on the calendar's working days.
         ADD COLUMN working_hours_start text NOT NULL DEFAULT '09:00' CHECK (working_hours_start ~ ${HH_MM}),
         ADD COLUMN working_hours_end text NOT NULL DEFAULT '17:00' CHECK (working_hours_end ~ ${HH_MM}),
         ADD CONSTRAINT organisations_working_hours_order CHECK (working_hours_end > working_hours_start)`,
    );

    await q.query(`
      CREATE TABLE reactivation_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        watch_id uuid NOT NULL,
        client_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN (${STATUSES})),
        resolution text CHECK (resolution IN (${RESOLUTIONS})),
        resolution_note text CHECK (resolution_note IS NULL OR length(resolution_note) <= 1000),
        cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 1000),
        urgency text NOT NULL CHECK (urgency IN (${URGENCIES})),
        -- Null: the team pool, where a coordinator assigns.
        assignee_id uuid,
        -- Every source merged into the request, without repeats, the first one first.
        sources text[] NOT NULL CHECK (cardinality(sources) >= 1 AND sources <@ ARRAY[${SOURCES}]::text[]),
        -- Null when the system opened it (lapse scan, the client's self check-in, a partner system).
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_by uuid,
        contacted_at timestamptz,
        resolved_at timestamptz,
        cancelled_at timestamptz,
        -- The first-contact deadline, counted in the organisation's working hours.
        sla_due_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reactivation_requests_resolved CHECK (
          (status = 'resolved') = (resolution IS NOT NULL AND resolved_at IS NOT NULL)),
        CONSTRAINT reactivation_requests_cancelled CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT reactivation_requests_accepted CHECK (status = 'open' OR status = 'cancelled' OR accepted_at IS NOT NULL),
        CONSTRAINT reactivation_requests_contacted CHECK (
          status NOT IN ('contacted', 'resolved') OR contacted_at IS NOT NULL),
        CONSTRAINT reactivation_requests_org_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT reactivation_requests_watch_fk FOREIGN KEY (organisation_id, watch_id)
          REFERENCES watches (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT reactivation_requests_client_fk FOREIGN KEY (organisation_id, client_id)
          REFERENCES clients (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT reactivation_requests_assignee_fk FOREIGN KEY (organisation_id, assignee_id)
          REFERENCES users (organisation_id, id),
        CONSTRAINT reactivation_requests_created_by_fk FOREIGN KEY (organisation_id, created_by)
          REFERENCES users (organisation_id, id),
        CONSTRAINT reactivation_requests_accepted_by_fk FOREIGN KEY (organisation_id, accepted_by)
          REFERENCES users (organisation_id, id)
      )`);
    // One open request per watch: a second one is merged into it by INSERT … ON CONFLICT on this index.
    await q.query(
      `CREATE UNIQUE INDEX reactivation_requests_one_open_per_watch ON reactivation_requests (watch_id)
       WHERE status IN (${OPEN_STATUSES})`,
    );
    // GET /api/reactivations (coordinators), newest first; the metrics of a period read the same range.
    await q.query(
      `CREATE INDEX reactivation_requests_org_created_idx
       ON reactivation_requests (organisation_id, created_at DESC, id DESC)`,
    );
    // GET /api/reactivations?status=…
    await q.query(
      `CREATE INDEX reactivation_requests_org_status_idx
       ON reactivation_requests (organisation_id, status, created_at DESC, id DESC)`,
    );
    // GET /api/reactivations?mine=true / ?assigneeId=: a caseworker's requests.
    await q.query(
      `CREATE INDEX reactivation_requests_assignee_idx ON reactivation_requests (assignee_id, created_at DESC)
       WHERE assignee_id IS NOT NULL`,
    );
    // GET /api/reactivations?pool=true: open requests that nobody has yet.
    await q.query(
      `CREATE INDEX reactivation_requests_pool_idx ON reactivation_requests (organisation_id, created_at DESC)
       WHERE assignee_id IS NULL AND status IN (${OPEN_STATUSES})`,
    );
    // GET /api/reactivations?watchId= (a watch's requests), and the cascade when a watch is deleted.
    await q.query(
      `CREATE INDEX reactivation_requests_watch_idx ON reactivation_requests (watch_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE reactivation_reasons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        request_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN (${SOURCES})),
        urgency text NOT NULL CHECK (urgency IN (${URGENCIES})),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reactivation_reasons_request_fk FOREIGN KEY (organisation_id, request_id)
          REFERENCES reactivation_requests (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT reactivation_reasons_actor_fk FOREIGN KEY (organisation_id, actor_id)
          REFERENCES users (organisation_id, id)
      )`);
    // GET /api/reactivations/{id}: the reasons of one request, in order.
    await q.query(
      `CREATE INDEX reactivation_reasons_request_idx ON reactivation_reasons (request_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE user_absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        -- Both days included, in the organisation's calendar.
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_absences_order CHECK (ends_on >= starts_on),
        CONSTRAINT user_absences_user_fk FOREIGN KEY (organisation_id, user_id)
          REFERENCES users (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT user_absences_created_by_fk FOREIGN KEY (organisation_id, created_by)
          REFERENCES users (organisation_id, id) ON DELETE CASCADE
      )`);
    // Assignment ("absent today?") and GET /api/users/{id}/absences: a user's absences by end date.
    await q.query(`CREATE INDEX user_absences_user_idx ON user_absences (user_id, ends_on DESC)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        -- The signed-in user who sent it (a partner system's key principal can be added later).
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        -- sha256 of the method, the path and the canonical JSON body.
        request_hash bytea NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- When the request that holds the key started; a key held far longer was abandoned (process died).
        locked_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (organisation_id, key),
        CONSTRAINT idempotency_keys_completed CHECK ((completed_at IS NULL) = (response_status IS NULL))
      )`);
    // A later purge of keys older than 24 hours (replays only look at younger ones).
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    await setTimerKinds(q, (kinds) => [
      ...kinds.filter((k) => !SLA_TIMER_KINDS.includes(k)),
      ...SLA_TIMER_KINDS,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM timers WHERE kind = ANY($1::text[])`, [SLA_TIMER_KINDS]);
    await setTimerKinds(q, (kinds) => kinds.filter((k) => !SLA_TIMER_KINDS.includes(k)));
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE user_absences`);
    await q.query(`DROP TABLE reactivation_reasons`);
    await q.query(`DROP TABLE reactivation_requests`);
    await q.query(
      `ALTER TABLE organisations DROP CONSTRAINT organisations_working_hours_order,
         DROP COLUMN sla_urgent_working_hours, DROP COLUMN sla_normal_working_hours,
         DROP COLUMN working_hours_start, DROP COLUMN working_hours_end`,
    );
  }
}

/**
 * Rewrites the `timers.kind` check with kinds added or removed. It reads the kinds the check allows now, so the
 * migrations of other modules that add kinds of their own keep theirs, whatever order they run in.
 */
async function setTimerKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [row]: Array<{ definition: string }> = await q.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = 'timers'::regclass AND conname = 'timers_kind_check'`,
  );
  if (!row) throw new Error('timers_kind_check is missing');
  const kinds = change([...row.definition.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
  if (kinds.length === 0) throw new Error('timers_kind_check would allow no kind');
  await q.query(`ALTER TABLE timers DROP CONSTRAINT timers_kind_check`);
  await q.query(
    `ALTER TABLE timers ADD CONSTRAINT timers_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`,
  );
}
