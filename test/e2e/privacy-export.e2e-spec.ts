import { type ClientDataExport, type ExportRecord, clientDataExportPath } from '@waakvlam/contracts';
import { createTeam } from '../support/factories';
import { createClientWithEverything } from '../support/privacy-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('the export of everything about a client (AVG art. 15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The stored columns of a table, as the export names them. */
  async function columnsOf(table: string): Promise<string[]> {
    const rows: Array<{ column_name: string }> = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((r) => camel(r.column_name));
  }

  it('holds one of every related row, with every stored column but the secrets, and audits itself', async () => {
    const s = await createClientWithEverything(t.dataSource);
    const coordinator = await t.signIn(s.team.coordinator);

    const response = await coordinator.get<ClientDataExport>(clientDataExportPath(s.clientId));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      format: 'waakvlam-client-data-export',
      version: 1,
      organisation: { id: s.team.organisation.id, name: s.team.organisation.name },
    });

    // The client record, every stored column.
    expect(body.client).toMatchObject({
      id: s.clientId,
      name: s.texts.name,
      email: s.texts.email,
      phone: s.texts.phone,
      postcode: s.texts.postcode,
      houseNumber: s.texts.houseNumber,
      dateOfBirth: s.texts.dateOfBirth,
      neighbourhood: 'Binnenstad',
    });
    expect(Object.keys(body.client)).toEqual(expect.arrayContaining(await columnsOf('clients')));

    const [watch] = body.watches;
    expect(body.watches).toHaveLength(1);
    expect(watch).toMatchObject({ id: s.watchId, agreements: s.texts.agreements, status: 'ended' });
    expect(JSON.stringify(watch['signaleringsplan'])).toContain(s.texts.planSigns);
    expect(watch.events.map((e) => e['id'])).toContain(s.eventId);
    const event = watch.events.find((e) => e['id'] === s.eventId) as ExportRecord;
    expect(event).toMatchObject({ reason: s.texts.eventReason, details: { note: s.texts.eventNote } });
    const checkIn = watch.checkIns.find((c) => c['id'] === s.checkInId);
    expect(checkIn).toMatchObject({ note: s.texts.checkInNote, outcome: 'concern' });
    const withToken = watch.checkIns.find((c) => c['id'] === s.tokenCheckInId);
    expect(withToken?.tokens).toHaveLength(1);
    expect(withToken?.tokens[0]).not.toHaveProperty('tokenHash');

    expect(body.partnerConsents).toEqual([
      expect.objectContaining({ partnerOrganisationId: s.partner.id, partnerName: s.partner.name }),
    ]);
    expect(body.partnerReferences).toEqual([
      expect.objectContaining({ reference: s.partnerReference, partnerName: s.partner.name }),
    ]);
    expect(body.reactivations).toEqual([
      expect.objectContaining({
        id: s.requestId,
        resolutionNote: s.texts.resolutionNote,
        reasons: [expect.objectContaining({ id: s.reasonId, reason: s.texts.reactivationReason })],
      }),
    ]);
    expect(body.signals).toHaveLength(1);
    expect(body.signals[0].partnerFacing).toMatchObject({
      id: s.signalId,
      description: s.texts.signalDescription,
      clientReference: s.partnerReference,
      partnerName: s.partner.name,
    });
    expect(body.signals[0].partnerFacing).not.toHaveProperty('triageReason');
    expect(body.signals[0].internal).toMatchObject({
      triageReason: s.texts.triageReason,
      watchId: s.watchId,
    });
    expect(body.signals[0].feedback).toEqual([
      expect.objectContaining({ id: s.feedbackId, text: s.texts.feedbackText }),
    ]);
    expect(body.notifications.map((n) => n['id']).sort()).toEqual([s.clientMailId, s.staffMailId].sort());
    expect(body.notifications.find((n) => n['id'] === s.clientMailId)).toMatchObject({
      recipient: s.texts.email,
      subject: s.texts.mailSubject,
      bodyText: s.texts.mailBody,
      status: 'sent',
    });
    expect(body.plannedTimers).toEqual([expect.objectContaining({ kind: 'reactivation_sla_breach' })]);

    // Every stored column of every table is there, except what `omitted` names.
    const sections: Array<[string, ExportRecord | undefined]> = [
      ['watches', watch],
      ['watch_events', event],
      ['check_ins', checkIn],
      ['check_in_tokens', withToken?.tokens[0]],
      ['client_partner_consents', body.partnerConsents[0]],
      ['client_partner_references', body.partnerReferences[0]],
      ['reactivation_requests', body.reactivations[0]],
      ['reactivation_reasons', body.reactivations[0]?.reasons[0]],
      ['signals', { ...body.signals[0].partnerFacing, ...body.signals[0].internal }],
      ['signal_feedback', body.signals[0].feedback[0]],
      ['notifications', body.notifications[0]],
      ['timers', body.plannedTimers[0]],
      ['audit_events', body.auditTrail[0]],
    ];
    const omitted = new Set(body.omitted.map((o) => o.field.split('.')[1]));
    for (const [table, record] of sections) {
      const missing = (await columnsOf(table)).filter((c) => !(c in (record ?? {})) && !omitted.has(c));
      expect({ table, missing }).toEqual({ table, missing: [] });
    }
    expect(body.notifications.every((n) => !('linkSecret' in n))).toBe(true);

    // The audit trail: the seeded read (without the staff member's IP) and this export itself.
    const seeded = body.auditTrail.find((a) => a['id'] === s.auditEventId);
    expect(seeded).toMatchObject({ action: 'read', resource: 'clients.read' });
    expect(seeded).not.toHaveProperty('ip');
    expect(JSON.stringify(body)).not.toContain('10.1.2.3');
    expect(body.auditTrail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'export',
          resource: 'clients.data-export',
          userId: s.team.coordinator.id,
        }),
      ]),
    );
    const logged: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events
       WHERE resource = 'clients.data-export' AND action = 'export' AND client_ids @> ARRAY[$1::uuid]`,
      [s.clientId],
    );
    expect(logged[0].n).toBe(1);
  });

  it('is for coordinators and admins of the organisation only', async () => {
    const s = await createClientWithEverything(t.dataSource);
    const path = clientDataExportPath(s.clientId);
    expect((await (await t.signIn(s.team.admin)).get(path)).status).toBe(200);
    expect((await (await t.signIn(s.team.caseworker)).get(path)).status).toBe(403);
    expect((await (await t.signIn(s.partnerUser)).get(path)).status).toBe(403);
    expect((await t.client().get(path)).status).toBe(401);
    const other = await createTeam(t.dataSource);
    const stranger = await t.signIn(other.coordinator);
    const hidden = await stranger.get<{ type: string }>(path);
    expect(hidden.status).toBe(404);
    expect((await stranger.get(clientDataExportPath('not-a-uuid'))).status).toBe(400);
  });
});
