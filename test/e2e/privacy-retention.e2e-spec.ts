import { type Client, clientPath } from '@waakvlam/contracts';
import { ANONYMISED } from '../../api/src/modules/privacy/client-anonymiser.service';
import { ClientRetentionProcessor } from '../../api/src/modules/privacy/client-retention.processor';
import { createClient, createWatch } from '../support/factories';
import {
  createClientWithEverything,
  erasableValues,
  organisationRowsAsText,
} from '../support/privacy-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

describe('the retention job (minimisation)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const retentionEvents = async (
    clientId: string,
  ): Promise<Array<{ source: string; user_id: string | null }>> =>
    t.dataSource.query(
      `SELECT source, user_id FROM audit_events WHERE resource = 'clients.retention' AND client_ids @> ARRAY[$1::uuid]`,
      [clientId],
    );
  const nameOf = async (clientId: string): Promise<string> => {
    const [row]: Array<{ name: string }> = await t.dataSource.query(
      `SELECT name FROM clients WHERE id = $1`,
      [clientId],
    );
    return row.name;
  };

  it('anonymises clients whose watches all ended over two years ago, across organisations, and is safe twice', async () => {
    // Due: a watch ended three years ago (in one organisation), and a client without watches untouched for three.
    const old = await createClientWithEverything(t.dataSource, { endedDaysAgo: 3 * 365 });
    const other = await createClientWithEverything(t.dataSource, { endedDaysAgo: 2 * 365 + 10 });
    const team = old.team;
    const org = team.organisation.id;
    const never = await createClient(t.dataSource, org, team.coordinator.id, {
      name: 'Nooit Waakvlam Gehad',
    });
    await t.dataSource.query(`UPDATE clients SET updated_at = now() - interval '3 years' WHERE id = $1`, [
      never.id,
    ]);
    // Not due: ended a year ago; ended long ago but a second watch is active; a reopen period of five years.
    const recent = await createClientWithEverything(t.dataSource, { endedDaysAgo: 365 });
    const returning = await createClient(t.dataSource, org, team.coordinator.id, { name: 'Weer In Beeld' });
    await createWatch(t.dataSource, org, returning.id, team.caseworker.id, {
      status: 'ended',
      endedAt: new Date(Date.now() - 4 * YEAR_MS),
    });
    await createWatch(t.dataSource, org, returning.id, team.caseworker.id, { status: 'active' });
    const reopenable = await createClient(t.dataSource, org, team.coordinator.id, {
      name: 'Nog Heropenbaar',
    });
    const long = await createWatch(t.dataSource, org, reopenable.id, team.caseworker.id, {
      status: 'ended',
      endedAt: new Date(Date.now() - 3 * YEAR_MS),
    });
    await t.dataSource.query(`UPDATE watches SET reopen_period_months = 60 WHERE id = $1`, [long.id]);
    // Not due: the organisation keeps its care files for 20 years.
    const kept = await createClientWithEverything(t.dataSource, { endedDaysAgo: 3 * 365 });
    await t.dataSource.query(`UPDATE organisations SET care_file_retention_years = 20 WHERE id = $1`, [
      kept.team.organisation.id,
    ]);

    const job = t.app.get(ClientRetentionProcessor);
    await job.process();
    await job.process();

    for (const due of [old, other]) {
      expect(await nameOf(due.clientId)).toBe(ANONYMISED.name);
      const stored = await organisationRowsAsText(t.dataSource, due.team.organisation.id);
      for (const value of erasableValues(due))
        expect({ value, found: stored.includes(value) }).toEqual({ value, found: false });
      expect(await retentionEvents(due.clientId)).toEqual([{ source: 'system', user_id: null }]);
    }
    expect(await nameOf(never.id)).toBe(ANONYMISED.name);
    expect(await retentionEvents(never.id)).toHaveLength(1);

    expect(await nameOf(recent.clientId)).toBe(recent.texts.name);
    expect(await nameOf(returning.id)).toBe('Weer In Beeld');
    expect(await nameOf(reopenable.id)).toBe('Nog Heropenbaar');
    expect(await nameOf(kept.clientId)).toBe(kept.texts.name);
    for (const id of [recent.clientId, returning.id, reopenable.id, kept.clientId])
      expect(await retentionEvents(id)).toEqual([]);

    // The console shows the anonymised client as such.
    const coordinator = await t.signIn(team.coordinator);
    const shown = await coordinator.get<Client>(clientPath(old.clientId));
    expect(shown.body).toMatchObject({ name: ANONYMISED.name, email: null, phone: null });
  });
});
