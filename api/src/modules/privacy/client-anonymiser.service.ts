import { Injectable } from '@nestjs/common';
import type { ErasureCounts } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';
import {
  CLIENT_MAIL_KEY_PREFIX,
  notificationIdsFor,
  relatedIds,
  timerSubjects,
  type RelatedIds,
} from './client-related-rows.util';

/** What anonymised data becomes. The postcode is outside the Dutch range, so no address or signal matches it. */
export const ANONYMISED = {
  name: 'Geanonimiseerde inwoner',
  postcode: '0000AA',
  houseNumber: '-',
  text: '[verwijderd]',
  recipient: 'verwijderd@geanonimiseerd.invalid',
  cancelled: 'Geannuleerd: de gegevens van de inwoner zijn gewist',
} as const;

const EMPTY_PLAN = JSON.stringify({
  green: { signs: '', actions: '' },
  orange: { signs: '', actions: '' },
  red: { signs: '', actions: '' },
});

/** One anonymised client. */
export interface AnonymisedClient {
  id: string;
  organisationId: string;
}

/**
 * Anonymises clients in place (AVG art. 17), set-based, in the caller's transaction. Removed: name, e-mail, phone,
 * address, date of birth, the organisation's reference, the partners' references and sharing consents, and every
 * free text about the client (agreements, signaleringsplan, event reasons and notes, check-in notes, request notes
 * and reasons, the signal's description, address and triage reason, the feedback texts, the e-mails' subjects and
 * bodies). Self check-in links stop working, messages not yet sent are cancelled, live timers are cancelled.
 * Kept: the rows themselves and their non-personal skeleton (statuses, dates, outcomes, categories, the wijk,
 * caseworkers), which the dashboard's figures and the audit log need. Nothing is deleted but consents, references
 * and idempotency replays; check-ins keep their tally triggers' view (no key column changes).
 */
@Injectable()
export class ClientAnonymiser {
  /** How many items an erasure of the client removes or scrubs (the preview and the audit event show them). */
  async count(tx: EntityManager, clientId: string): Promise<ErasureCounts> {
    const ids = await relatedIds(tx, [clientId]);
    const notificationIds = await notificationIdsFor(tx, ids);
    const [row]: Array<Record<keyof ErasureCounts, number>> = await tx.query(
      `SELECT
         (SELECT (c.name IS NOT NULL)::int + (c.email IS NOT NULL)::int + (c.phone IS NOT NULL)::int
                 + (c.postcode <> $6)::int + (c.house_number <> $7)::int + (c.date_of_birth IS NOT NULL)::int
                 + (c.reference NOT LIKE 'ANON-%')::int
          FROM clients c WHERE c.id = $1 AND c.anonymised_at IS NULL) AS "personalFields",
         (SELECT count(*)::int FROM client_partner_consents WHERE client_id = $1) AS "partnerConsents",
         (SELECT count(*)::int FROM client_partner_references WHERE client_id = $1) AS "partnerReferences",
         (SELECT count(*)::int FROM watches WHERE id = ANY($2::uuid[])) AS "watchTexts",
         (SELECT count(*)::int FROM watch_events WHERE watch_id = ANY($2::uuid[])
            AND (reason IS NOT NULL OR details ? 'note')) AS "watchEvents",
         (SELECT count(*)::int FROM check_ins WHERE watch_id = ANY($2::uuid[]) AND note IS NOT NULL) AS "checkInNotes",
         (SELECT count(*)::int FROM check_in_tokens WHERE check_in_id = ANY($3::uuid[])) AS "checkInTokens",
         (SELECT count(*)::int FROM reactivation_requests WHERE id = ANY($4::uuid[]))
           + (SELECT count(*)::int FROM reactivation_reasons WHERE request_id = ANY($4::uuid[])) AS "reactivationTexts",
         (SELECT count(*)::int FROM signals WHERE id = ANY($5::uuid[])) AS "signals",
         (SELECT count(*)::int FROM signal_feedback WHERE signal_id = ANY($5::uuid[])) AS "signalFeedback",
         (SELECT count(*)::int FROM notifications WHERE id = ANY($8::uuid[])) AS "notifications",
         (SELECT count(*)::int FROM notifications WHERE id = ANY($8::uuid[]) AND status = 'pending')
           AS "pendingNotificationsCancelled"`,
      [
        clientId,
        ids.watchIds,
        ids.checkInIds,
        ids.requestIds,
        ids.signalIds,
        ANONYMISED.postcode,
        ANONYMISED.houseNumber,
        notificationIds,
      ],
    );
    return { ...row, personalFields: row.personalFields ?? 0 };
  }

  /**
   * Anonymises the clients that are not anonymised yet (the others are left alone: safe to run twice) and returns
   * them. The caller has decided that the rules allow it, and locked the clients.
   */
  async anonymise(tx: EntityManager, clientIds: readonly string[], now: Date): Promise<AnonymisedClient[]> {
    if (clientIds.length === 0) return [];
    const clients = await updateReturning<{ id: string; organisation_id: string; email: string | null }>(
      tx,
      `WITH old AS (SELECT id, email FROM clients WHERE id = ANY($1::uuid[]) AND anonymised_at IS NULL)
       UPDATE clients c
       SET reference = 'ANON-' || c.id::text, name = $3, email = NULL, phone = NULL, postcode = $4,
           house_number = $5, date_of_birth = NULL, consent_email_reminders = false, anonymised_at = $2,
           updated_at = $2
       FROM old WHERE c.id = old.id
       RETURNING c.id, c.organisation_id, old.email`,
      [clientIds, now, ANONYMISED.name, ANONYMISED.postcode, ANONYMISED.houseNumber],
    );
    if (clients.length === 0) return [];
    const done = clients.map((c) => c.id);
    const ids = await relatedIds(tx, done);
    await tx.query(`DELETE FROM client_partner_consents WHERE client_id = ANY($1::uuid[])`, [done]);
    await tx.query(`DELETE FROM client_partner_references WHERE client_id = ANY($1::uuid[])`, [done]);
    await this.scrubCare(tx, ids, now);
    await this.scrubSignals(tx, ids, now);
    await this.scrubNotifications(
      tx,
      ids,
      clients.map((c) => c.email).filter((e): e is string => !!e),
    );
    await tx.query(
      `UPDATE timers SET state = 'cancelled', lease_until = NULL, completed_at = $2
       WHERE subject_id = ANY($1::uuid[]) AND state IN ('pending', 'claimed')`,
      [timerSubjects(ids), now],
    );
    // A retried POST would replay its first answer, which can name the client: forget those answers.
    await tx.query(
      `DELETE FROM idempotency_keys
       WHERE organisation_id = ANY($1::uuid[]) AND response_body::text LIKE ANY($2::text[])`,
      [[...new Set(clients.map((c) => c.organisation_id))], done.map((id) => `%${id}%`)],
    );
    return clients.map((c) => ({ id: c.id, organisationId: c.organisation_id }));
  }

  /** Watches, their events, check-ins, self check-in links, reactivation requests and their reasons. */
  private async scrubCare(tx: EntityManager, ids: RelatedIds, now: Date): Promise<void> {
    await tx.query(
      `UPDATE watches SET agreements = '', signaleringsplan = $2::jsonb, updated_at = $3 WHERE id = ANY($1::uuid[])`,
      [ids.watchIds, EMPTY_PLAN, now],
    );
    await tx.query(
      `UPDATE watch_events SET reason = NULL, details = details - 'note'
       WHERE watch_id = ANY($1::uuid[]) AND (reason IS NOT NULL OR details ? 'note')`,
      [ids.watchIds],
    );
    // Only the note: no tally key changes, so the dashboard's check-in figures stay as they are.
    await tx.query(
      `UPDATE check_ins SET note = NULL, updated_at = $2 WHERE watch_id = ANY($1::uuid[]) AND note IS NOT NULL`,
      [ids.watchIds, now],
    );
    await tx.query(
      `UPDATE check_in_tokens SET expires_at = $2
       WHERE check_in_id = ANY($1::uuid[]) AND used_at IS NULL AND expires_at > $2`,
      [ids.checkInIds, now],
    );
    await tx.query(
      `UPDATE reactivation_requests SET resolution_note = NULL, cancel_reason = NULL, updated_at = $2
       WHERE id = ANY($1::uuid[]) AND (resolution_note IS NOT NULL OR cancel_reason IS NOT NULL)`,
      [ids.requestIds, now],
    );
    await tx.query(
      `UPDATE reactivation_reasons SET reason = $2 WHERE request_id = ANY($1::uuid[]) AND reason <> $2`,
      [ids.requestIds, ANONYMISED.text],
    );
  }

  /** The signal keeps its partner, category, dates and status; what the partner wrote and was told goes. */
  private async scrubSignals(tx: EntityManager, ids: RelatedIds, now: Date): Promise<void> {
    await tx.query(
      `UPDATE signals
       SET description = $2, client_reference = $2, postcode = NULL, house_number = NULL,
           house_number_addition = NULL, triage_reason = CASE WHEN triage_reason IS NULL THEN NULL ELSE $2 END,
           updated_at = $3
       WHERE id = ANY($1::uuid[])`,
      [ids.signalIds, ANONYMISED.text, now],
    );
    await tx.query(`UPDATE signal_feedback SET text = $2 WHERE signal_id = ANY($1::uuid[]) AND text <> $2`, [
      ids.signalIds,
      ANONYMISED.text,
    ]);
  }

  /** Subjects and bodies go; the client's address goes; a message still waiting is cancelled (ends `dead`). */
  private async scrubNotifications(
    tx: EntityManager,
    ids: RelatedIds,
    clientEmails: readonly string[],
  ): Promise<void> {
    const notificationIds = await notificationIdsFor(tx, ids);
    if (notificationIds.length === 0) return;
    await tx.query(
      `UPDATE notifications
       SET subject = $2, body_text = '', body_html = NULL, link_secret = NULL,
           recipient = CASE WHEN starts_with(idempotency_key, $3) OR recipient = ANY($4::text[]) THEN $5
                       ELSE recipient END,
           status = CASE WHEN status = 'pending' THEN 'dead' ELSE status END,
           last_error = CASE WHEN status = 'pending' THEN $6 ELSE last_error END,
           lease_until = CASE WHEN status = 'pending' THEN NULL ELSE lease_until END,
           next_attempt_at = CASE WHEN status = 'pending' THEN NULL ELSE next_attempt_at END
       WHERE id = ANY($1::uuid[])`,
      [
        notificationIds,
        ANONYMISED.text,
        CLIENT_MAIL_KEY_PREFIX,
        clientEmails,
        ANONYMISED.recipient,
        ANONYMISED.cancelled,
      ],
    );
  }
}
