import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import { SessionService } from '../../api/src/core/auth/session.service';
import { createTeam } from '../support/factories';
import { testConfig } from '../support/test-config';

describe('SessionService against PostgreSQL', () => {
  const config = testConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' });
  let db: DataSource;
  let sessions: SessionService;

  beforeAll(async () => {
    db = createDataSource(config, 'session-int-spec');
    await db.initialize();
    sessions = new SessionService(db, config);
  });
  afterAll(() => db.destroy());

  it('resolves a new session to its user and organisation', async () => {
    const { caseworker, organisation } = await createTeam(db);
    const { token, csrfToken } = await sessions.create(caseworker.id);
    const session = await sessions.resolve(token);
    expect(session).toMatchObject({
      userId: caseworker.id,
      email: caseworker.email,
      role: 'caseworker',
      organisationId: organisation.id,
      organisationName: organisation.name,
      csrfToken,
    });
  });

  it('stores only a hash of the token', async () => {
    const { caseworker } = await createTeam(db);
    const { token } = await sessions.create(caseworker.id);
    const rows: Array<{ token_hash: Buffer }> = await db.query(
      `SELECT token_hash FROM sessions WHERE user_id = $1`,
      [caseworker.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.toString('utf8')).not.toContain(token);
    expect(rows[0].token_hash).toHaveLength(32);
  });

  it('ends a session after the idle time-out and after the absolute time-out', async () => {
    const { caseworker } = await createTeam(db);
    const idle = await sessions.create(caseworker.id);
    const old = await sessions.create(caseworker.id);
    await db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND csrf_token = $2`,
      [caseworker.id, idle.csrfToken],
    );
    await db.query(
      `UPDATE sessions SET absolute_expires_at = now() - interval '1 second' WHERE csrf_token = $1`,
      [old.csrfToken],
    );
    expect(await sessions.resolve(idle.token)).toBeNull();
    expect(await sessions.resolve(old.token)).toBeNull();
  });

  it('keeps an active session alive by moving last_seen_at', async () => {
    const { caseworker } = await createTeam(db);
    const { token, csrfToken } = await sessions.create(caseworker.id);
    await db.query(`UPDATE sessions SET last_seen_at = now() - interval '20 minutes' WHERE csrf_token = $1`, [
      csrfToken,
    ]);
    expect(await sessions.resolve(token)).not.toBeNull();
    const [row]: Array<{ age: number }> = await db.query(
      `SELECT extract(epoch FROM now() - last_seen_at) AS age FROM sessions WHERE csrf_token = $1`,
      [csrfToken],
    );
    expect(Number(row.age)).toBeLessThan(5);
  });

  it('refuses a revoked session and a deactivated user', async () => {
    const { caseworker, coordinator } = await createTeam(db);
    const revoked = await sessions.create(caseworker.id);
    await sessions.revoke(revoked.token);
    expect(await sessions.resolve(revoked.token)).toBeNull();

    const deactivated = await sessions.create(coordinator.id);
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [coordinator.id]);
    expect(await sessions.resolve(deactivated.token)).toBeNull();
  });

  it('purges ended sessions; a second purge removes nothing more', async () => {
    const { caseworker } = await createTeam(db);
    const live = await sessions.create(caseworker.id);
    const ended = await sessions.create(caseworker.id);
    await db.query(
      `UPDATE sessions SET absolute_expires_at = now() - interval '2 days' WHERE csrf_token = $1`,
      [ended.csrfToken],
    );
    await sessions.purgeEnded();
    const remaining = async () =>
      (await db.query(`SELECT csrf_token FROM sessions WHERE user_id = $1`, [caseworker.id])).map(
        (r: { csrf_token: string }) => r.csrf_token,
      );
    expect(await remaining()).toEqual([live.csrfToken]);
    await sessions.purgeEnded();
    expect(await remaining()).toEqual([live.csrfToken]);
  });
});
