import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createClient, createPartnerUser, createTeam, createWatch, type TestUser } from './factories';
import { createPartnerReference, giveSharingConsent } from './signal-factories';

const unique = (): string => randomUUID().slice(0, 8);
const DAY_MS = 86_400_000;

/** The personal data and free texts of a seeded client: each distinctive, so a test can look for it anywhere. */
export interface SeededTexts {
  name: string;
  email: string;
  phone: string;
  postcode: string;
  houseNumber: string;
  dateOfBirth: string;
  agreements: string;
  planSigns: string;
  eventReason: string;
  eventNote: string;
  checkInNote: string;
  resolutionNote: string;
  reactivationReason: string;
  signalDescription: string;
  triageReason: string;
  feedbackText: string;
  mailSubject: string;
  mailBody: string;
  staffMailBody: string;
}

/** A client with one row of every kind that concerns a client, and their ids. */
export interface ClientWithEverything {
  team: Awaited<ReturnType<typeof createTeam>>;
  partner: { id: string; name: string };
  partnerUser: TestUser;
  clientId: string;
  reference: string;
  partnerReference: string;
  watchId: string;
  eventId: string;
  checkInId: string;
  tokenCheckInId: string;
  requestId: string;
  reasonId: string;
  signalId: string;
  feedbackId: string;
  clientMailId: string;
  staffMailId: string;
  timerId: string;
  auditEventId: string;
  texts: SeededTexts;
}

export function seededTexts(tag = unique()): SeededTexts {
  return {
    name: `Wilhelmina Zwartkop-${tag}`,
    email: `wilhelmina.${tag}@privemail.example`,
    phone: `06-${tag
      .replace(/[^0-9]/g, '7')
      .padEnd(8, '3')
      .slice(0, 8)}`,
    postcode: '3512JK',
    houseNumber: '88 hs',
    dateOfBirth: '1951-04-23',
    agreements: `Afspraak ${tag}: bellen op dinsdag`,
    planSigns: `Teken ${tag}: post stapelt zich op`,
    eventReason: `Reden ${tag}: verhuisd naar dochter`,
    eventNote: `Notitie ${tag} bij het einde`,
    checkInNote: `Contact ${tag}: slaapt slecht`,
    resolutionNote: `Afsluiting ${tag}: doorverwezen`,
    reactivationReason: `Heractivering ${tag}: schulden`,
    signalDescription: `Signaal ${tag}: huurachterstand drie maanden`,
    triageReason: `Intern ${tag}: bekend bij het team`,
    feedbackText: `Terugkoppeling ${tag}: we pakken het op`,
    mailSubject: `Onderwerp ${tag}`,
    mailBody: `Beste ${tag}, we bellen u binnenkort.`,
    staffMailBody: `Inwoner ${tag} is niet bereikt.`,
  };
}

/**
 * A client with personal data and, straight into the database, one row of every table that concerns a client:
 * a sharing consent and partner reference, a watch (ended `endedDaysAgo` ago, or `status`) with agreements, plan
 * and an event with reason and note, a done check-in with a note and a self check-in link, a resolved reactivation
 * request with a note and a reason, a handled signal with internal reason and feedback, an e-mail to the client and
 * one about her to a coordinator, a live timer and an audit event.
 */
export async function createClientWithEverything(
  db: DataSource,
  options: {
    status?: 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended';
    endedDaysAgo?: number;
    requestStatus?: 'resolved' | 'open';
    signalStatus?: 'handled' | 'received';
    mailStatus?: 'sent' | 'pending';
  } = {},
): Promise<ClientWithEverything> {
  const texts = seededTexts();
  const team = await createTeam(db);
  const org = team.organisation.id;
  const { user: partnerUser, partner } = await createPartnerUser(db, org);
  const client = await createClient(db, org, team.coordinator.id, { name: texts.name, email: texts.email });
  await db.query(
    `UPDATE clients SET phone = $2, postcode = $3, house_number = $4, date_of_birth = $5,
       consent_email_reminders = true, neighbourhood = 'Binnenstad' WHERE id = $1`,
    [client.id, texts.phone, texts.postcode, texts.houseNumber, texts.dateOfBirth],
  );
  await giveSharingConsent(db, org, client.id, partner.id);
  const partnerReference = await createPartnerReference(db, org, client.id, partner.id);

  const status = options.status ?? 'ended';
  const watch = await createWatch(db, org, client.id, team.caseworker.id, {
    status,
    endedAt: new Date(Date.now() - (options.endedDaysAgo ?? 10) * DAY_MS),
  });
  await db.query(
    `UPDATE watches SET agreements = $2,
       signaleringsplan = jsonb_set(signaleringsplan, '{orange,signs}', to_jsonb($3::text)) WHERE id = $1`,
    [watch.id, texts.agreements, texts.planSigns],
  );
  const [event]: Array<{ id: string }> = await db.query(
    `INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, reason, details)
     VALUES ($1, $2, 'ended', $3, $4, jsonb_build_object('note', $5::text, 'nextDueDate', '2030-01-01'))
     RETURNING id`,
    [org, watch.id, team.coordinator.id, texts.eventReason, texts.eventNote],
  );
  const [checkIn]: Array<{ id: string }> = await db.query(
    `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status, outcome,
       channel, note, completed_at, completed_by)
     VALUES ($1, $2, $3, current_date - 40, current_date - 37, 'done', 'concern', 'phone', $4, now() - interval '40 days', $3)
     RETURNING id`,
    [org, watch.id, team.caseworker.id, texts.checkInNote],
  );
  const [tokenCheckIn]: Array<{ id: string }> = await db.query(
    `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status)
     VALUES ($1, $2, $3, current_date - 20, current_date - 17, 'cancelled') RETURNING id`,
    [org, watch.id, team.caseworker.id],
  );
  await db.query(
    `INSERT INTO check_in_tokens (token_hash, organisation_id, check_in_id, expires_at)
     VALUES (sha256(convert_to($1, 'UTF8')), $2, $3, now() + interval '10 days')`,
    [randomUUID(), org, tokenCheckIn.id],
  );

  const requestStatus = options.requestStatus ?? 'resolved';
  const [request]: Array<{ id: string }> = await db.query(
    `INSERT INTO reactivation_requests (organisation_id, watch_id, client_id, status, resolution, resolution_note,
       urgency, assignee_id, sources, created_at, accepted_at, accepted_by, contacted_at, resolved_at, sla_due_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'resolved' THEN 'referred' END,
       CASE WHEN $4 = 'resolved' THEN $6 END, 'normal', $5, ARRAY['caseworker'],
       now() - interval '30 days', CASE WHEN $4 = 'resolved' THEN now() - interval '29 days' END,
       CASE WHEN $4 = 'resolved' THEN $5::uuid END, CASE WHEN $4 = 'resolved' THEN now() - interval '29 days' END,
       CASE WHEN $4 = 'resolved' THEN now() - interval '28 days' END, now() - interval '29 days')
     RETURNING id`,
    [org, watch.id, client.id, requestStatus, team.caseworker.id, texts.resolutionNote],
  );
  const [reason]: Array<{ id: string }> = await db.query(
    `INSERT INTO reactivation_reasons (organisation_id, request_id, source, urgency, reason, actor_id)
     VALUES ($1, $2, 'caseworker', 'normal', $3, $4) RETURNING id`,
    [org, request.id, texts.reactivationReason, team.caseworker.id],
  );

  const handled = (options.signalStatus ?? 'handled') === 'handled';
  const [signal]: Array<{ id: string }> = await db.query(
    `INSERT INTO signals (organisation_id, partner_organisation_id, reported_by_user_id, client_reference, client_id,
       category, description, observed_on, status, triage_decision, triage_reason, triaged_by, watch_id,
       received_at, triaged_at, handled_by, handled_at, first_feedback_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'rent_arrears', $6, current_date - 25,
       CASE WHEN $9 THEN 'handled' ELSE 'received' END,
       CASE WHEN $9 THEN 'linked' END, CASE WHEN $9 THEN $7 END, CASE WHEN $9 THEN $8::uuid END,
       CASE WHEN $9 THEN $10::uuid END, now() - interval '25 days',
       CASE WHEN $9 THEN now() - interval '24 days' END, CASE WHEN $9 THEN $8::uuid END,
       CASE WHEN $9 THEN now() - interval '23 days' END, now() - interval '24 days', now() - interval '23 days')
     RETURNING id`,
    [
      org,
      partner.id,
      partnerUser.id,
      partnerReference,
      client.id,
      texts.signalDescription,
      texts.triageReason,
      team.coordinator.id,
      handled,
      watch.id,
    ],
  );
  const [feedback]: Array<{ id: string }> = await db.query(
    `INSERT INTO signal_feedback (organisation_id, signal_id, status, text, created_by, created_at)
     VALUES ($1, $2, 'received', $3, $4, now() - interval '24 days') RETURNING id`,
    [org, signal.id, texts.feedbackText, team.coordinator.id],
  );

  const mailStatus = options.mailStatus ?? 'sent';
  const [clientMail]: Array<{ id: string }> = await db.query(
    `INSERT INTO notifications (organisation_id, idempotency_key, recipient, locale, subject, body_text, status,
       attempts, sent_at, link_secret)
     VALUES ($1, $2, $3, 'nl', $4, $5, $6, $7, CASE WHEN $6 = 'sent' THEN now() END,
       CASE WHEN $6 = 'pending' THEN 'geheim-' || $2 END)
     RETURNING id`,
    [
      org,
      `check-in-pre-notice-${tokenCheckIn.id}`,
      texts.email,
      texts.mailSubject,
      texts.mailBody,
      mailStatus,
      mailStatus === 'sent' ? 1 : 0,
    ],
  );
  const [staffMail]: Array<{ id: string }> = await db.query(
    `INSERT INTO notifications (organisation_id, idempotency_key, recipient, locale, subject, body_text, status,
       attempts, sent_at)
     VALUES ($1, $2, $3, 'nl', $4, $5, 'sent', 1, now()) RETURNING id`,
    [
      org,
      `check-in-missed-${checkIn.id}-${team.coordinator.id}`,
      team.coordinator.email,
      `Contactmoment gemist: ${texts.name}`,
      texts.staffMailBody,
    ],
  );
  const [timer]: Array<{ id: string }> = await db.query(
    `INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
     VALUES ($1, 'reactivation_sla_breach', $2, now() + interval '1 day') RETURNING id::text AS id`,
    [org, request.id],
  );
  const [audit]: Array<{ id: string }> = await db.query(
    `INSERT INTO audit_events (organisation_id, action, outcome, user_id, role, client_ids, resource, source, ip)
     VALUES ($1, 'read', 'success', $2, 'coordinator', ARRAY[$3::uuid], 'clients.read', 'console', '10.1.2.3')
     RETURNING id`,
    [org, team.coordinator.id, client.id],
  );
  return {
    team,
    partner,
    partnerUser,
    clientId: client.id,
    reference: client.reference,
    partnerReference,
    watchId: watch.id,
    eventId: event.id,
    checkInId: checkIn.id,
    tokenCheckInId: tokenCheckIn.id,
    requestId: request.id,
    reasonId: reason.id,
    signalId: signal.id,
    feedbackId: feedback.id,
    clientMailId: clientMail.id,
    staffMailId: staffMail.id,
    timerId: timer.id,
    auditEventId: audit.id,
    texts,
  };
}

/** Every personal value and free text of the seed that must be gone after an erasure. */
export function erasableValues(s: ClientWithEverything): string[] {
  const t = s.texts;
  return [
    t.name,
    t.email,
    t.phone,
    t.postcode,
    t.houseNumber,
    t.dateOfBirth,
    t.agreements,
    t.planSigns,
    t.eventReason,
    t.eventNote,
    t.checkInNote,
    t.resolutionNote,
    t.reactivationReason,
    t.signalDescription,
    t.triageReason,
    t.feedbackText,
    t.mailSubject,
    t.mailBody,
    t.staffMailBody,
    s.reference,
    s.partnerReference,
  ];
}

/**
 * Every row of the tables that concern a client, as text, for the client's organisation: to look for erased values
 * anywhere (the audit log excepted: it holds ids only).
 */
export async function organisationRowsAsText(db: DataSource, organisationId: string): Promise<string> {
  const tables = [
    'clients',
    'client_partner_consents',
    'client_partner_references',
    'watches',
    'watch_events',
    'check_ins',
    'check_in_tokens',
    'reactivation_requests',
    'reactivation_reasons',
    'signals',
    'signal_feedback',
    'notifications',
    'timers',
    'idempotency_keys',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const rows: Array<{ row: string }> = await db.query(
      `SELECT to_jsonb(t)::text AS row FROM ${table} t WHERE t.organisation_id = $1`,
      [organisationId],
    );
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
