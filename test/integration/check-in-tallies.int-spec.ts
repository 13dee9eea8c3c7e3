import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { checkInTimelinessSql } from '../../api/src/modules/check-ins/check-in-timeliness.util';
import { CheckInTallyCompactProcessor } from '../../api/src/modules/dashboard/check-in-tally-compact.processor';
import { CheckInTallies } from '../../api/src/modules/dashboard/check-in-tallies.service';
import { createDoneCheckIn } from '../support/dashboard-factories';
import { createCheckIn, createClient, createTeam, createUser, createWatch } from '../support/factories';
import { testConfig } from '../support/test-config';

interface Tally {
  due_date: string;
  caseworker_id: string;
  neighbourhood: string | null;
  timeliness: string;
  n: number;
}

const ORDER = 'ORDER BY due_date, caseworker_id, neighbourhood NULLS FIRST, timeliness';

describe('check-in tallies against PostgreSQL', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let tallies: CheckInTallies;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
    tallies = app.get(CheckInTallies);
  });
  afterAll(() => app.close());

  /** The organisation's counts as the tallies hold them: folded plus not yet folded. */
  const tallied = (org: string): Promise<Tally[]> =>
    db.query(
      `SELECT due_date::text, caseworker_id, neighbourhood, timeliness, sum(n)::int AS n
       FROM (SELECT * FROM check_in_tallies UNION ALL
             SELECT organisation_id, due_date, caseworker_id, neighbourhood, timeliness, n FROM check_in_tally_changes) t
       WHERE organisation_id = $1
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ${ORDER}`,
      [org],
    );

  /** The same counts straight from the check-ins, classified by the check-in overview's own definition. */
  const counted = (org: string): Promise<Tally[]> =>
    db.query(
      `SELECT * FROM (
         SELECT ci.due_date::text, ci.caseworker_id, c.neighbourhood,
                ${checkInTimelinessSql('ci', 'o.time_zone')} AS timeliness, count(*)::int AS n
         FROM check_ins ci
         JOIN organisations o ON o.id = ci.organisation_id
         JOIN watches w ON w.id = ci.watch_id
         JOIN clients c ON c.id = w.client_id
         WHERE ci.organisation_id = $1
         GROUP BY 1, 2, 3, 4) x
       WHERE timeliness IS NOT NULL ${ORDER}`,
      [org],
    );

  /** Two caseworkers, clients in two wijken and none, check-ins of every kind. */
  async function scenario() {
    const { organisation, coordinator, caseworker: anna } = await createTeam(db);
    const org = organisation.id;
    const bram = await createUser(db, org, { role: 'caseworker' });
    const noord = await createClient(db, org, coordinator.id, { neighbourhood: 'Noord' });
    const zuid = await createClient(db, org, coordinator.id, { neighbourhood: 'Zuid' });
    const nowhere = await createClient(db, org, coordinator.id, { neighbourhood: null });
    const wNoord = await createWatch(db, org, noord.id, anna.id);
    const wZuid = await createWatch(db, org, zuid.id, bram.id);
    const wNowhere = await createWatch(db, org, nowhere.id, anna.id);
    const open = await createCheckIn(db, org, wNoord.id, anna.id, { dueDate: '2026-03-02' });
    await createCheckIn(db, org, wZuid.id, bram.id, { dueDate: '2026-03-02', status: 'missed' });
    await createCheckIn(db, org, wZuid.id, bram.id, { dueDate: '2026-03-03', status: 'cancelled' });
    // Recorded at 23:30 UTC on the due date: 00:30 the next day in Amsterdam, so late there, on time in UTC.
    await createDoneCheckIn(db, org, wNowhere.id, anna.id, {
      dueDate: '2026-03-04',
      completedAt: new Date('2026-03-04T23:30:00Z'),
    });
    await createDoneCheckIn(db, org, wNoord.id, anna.id, {
      dueDate: '2026-03-05',
      completedAt: new Date('2026-03-05T09:00:00Z'),
    });
    return { org, anna, bram, noord, open, wNoord };
  }

  it('counts every check-in by due date, caseworker, wijk and outcome, the moment it is written', async () => {
    const { org, anna, bram } = await scenario();
    expect(await tallied(org)).toEqual(
      [
        { due_date: '2026-03-02', caseworker_id: anna.id, neighbourhood: 'Noord', timeliness: 'open', n: 1 },
        { due_date: '2026-03-02', caseworker_id: bram.id, neighbourhood: 'Zuid', timeliness: 'missed', n: 1 },
        { due_date: '2026-03-04', caseworker_id: anna.id, neighbourhood: null, timeliness: 'late', n: 1 },
        {
          due_date: '2026-03-05',
          caseworker_id: anna.id,
          neighbourhood: 'Noord',
          timeliness: 'on_time',
          n: 1,
        },
      ].sort((a, b) => (a.due_date + a.caseworker_id).localeCompare(b.due_date + b.caseworker_id)),
    );
    expect(await tallied(org)).toEqual(await counted(org));
  });

  it('follows a check-in that is recorded, handed over, moved and cancelled, and a client who moves wijk', async () => {
    const { org, bram, noord, open } = await scenario();
    await db.query(
      `UPDATE check_ins SET status = 'done', outcome = 'well', channel = 'phone',
         completed_at = '2026-03-02T08:00:00Z', completed_by = caseworker_id WHERE id = $1`,
      [open.id],
    );
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(`UPDATE check_ins SET caseworker_id = $2 WHERE id = $1`, [open.id, bram.id]);
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(`UPDATE clients SET neighbourhood = 'Oost' WHERE id = $1`, [noord.id]);
    expect((await tallied(org)).filter((t) => t.neighbourhood === 'Noord')).toEqual([]);
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(`UPDATE clients SET neighbourhood = NULL WHERE id = $1`, [noord.id]);
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(
      `UPDATE check_ins SET due_date = '2026-03-09', grace_ends_on = '2026-03-09' WHERE id = $1`,
      [open.id],
    );
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(
      `UPDATE check_ins SET status = 'cancelled' WHERE organisation_id = $1 AND status = 'missed'`,
      [org],
    );
    expect(await tallied(org)).toEqual(await counted(org));
    await db.query(`DELETE FROM check_ins WHERE id = $1`, [open.id]);
    expect(await tallied(org)).toEqual(await counted(org));
  });

  it('moves completions to another day when the organisation changes time zone', async () => {
    const { org } = await scenario();
    await db.query(`UPDATE organisations SET time_zone = 'UTC' WHERE id = $1`, [org]);
    const now = await tallied(org);
    expect(now.filter((t) => t.timeliness === 'late')).toEqual([]);
    expect(now).toEqual(await counted(org));
  });

  it('writes no change for an update that changes no figure', async () => {
    const { org } = await scenario();
    const before: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM check_in_tally_changes WHERE organisation_id = $1`,
      [org],
    );
    await db.query(`UPDATE check_ins SET note = 'gebeld', updated_at = now() WHERE organisation_id = $1`, [
      org,
    ]);
    const after: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM check_in_tally_changes WHERE organisation_id = $1`,
      [org],
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('folds the changes into the tallies without changing a figure, run twice and side by side', async () => {
    const { org, open } = await scenario();
    await db.query(`UPDATE check_ins SET status = 'missed' WHERE id = $1`, [open.id]);
    const before = await tallied(org);
    const processor = app.get(CheckInTallyCompactProcessor);
    await Promise.all([processor.process(), processor.process()]);
    await processor.process();
    await tallies.compact(2);
    expect(await tallied(org)).toEqual(before);
    const pending: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM check_in_tally_changes WHERE organisation_id = $1`,
      [org],
    );
    expect(pending[0].n).toBe(0);
    // The open check-in became missed: its "open" key came back to zero and is gone from the folded tallies.
    const zeros: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM check_in_tallies WHERE organisation_id = $1 AND n = 0`,
      [org],
    );
    expect(zeros[0].n).toBe(0);
    expect(before).toEqual(await counted(org));
  });

  it('refuses to delete a watch that still has check-ins, and deleting the organisation removes its tallies', async () => {
    const { org, wNoord } = await scenario();
    await expect(db.query(`DELETE FROM watches WHERE id = $1`, [wNoord.id])).rejects.toThrow(/foreign key/);
    await db.query(`DELETE FROM organisations WHERE id = $1`, [org]);
    expect(await tallied(org)).toEqual([]);
  });
});
