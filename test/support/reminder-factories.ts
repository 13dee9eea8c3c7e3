import type { DataSource } from 'typeorm';

/** The organisation's e-mail settings (discreet sender name, client names in e-mail). */
export async function setMailSettings(
  db: DataSource,
  organisationId: string,
  settings: { discreetSenderName?: string | null; clientNamesInEmail?: boolean },
): Promise<void> {
  await db.query(
    `UPDATE organisations
     SET discreet_sender_name = CASE WHEN $2::boolean THEN $3::text ELSE discreet_sender_name END,
         client_names_in_email = coalesce($4::boolean, client_names_in_email)
     WHERE id = $1`,
    [
      organisationId,
      settings.discreetSenderName !== undefined,
      settings.discreetSenderName ?? null,
      settings.clientNamesInEmail ?? null,
    ],
  );
}

export async function setUserLocale(db: DataSource, userId: string, locale: 'nl' | 'en'): Promise<void> {
  await db.query(`UPDATE users SET locale = $2 WHERE id = $1`, [userId, locale]);
}

export async function setUserActive(db: DataSource, userId: string, active: boolean): Promise<void> {
  await db.query(`UPDATE users SET active = $2 WHERE id = $1`, [userId, active]);
}

/** The client's e-mail address and e-mail reminder consent. */
export async function setClientEmail(
  db: DataSource,
  clientId: string,
  email: string | null,
  consentEmailReminders = true,
): Promise<void> {
  await db.query(`UPDATE clients SET email = $2, consent_email_reminders = $3 WHERE id = $1`, [
    clientId,
    email,
    consentEmailReminders,
  ]);
}

export async function setCheckInStatus(
  db: DataSource,
  checkInId: string,
  status: 'planned' | 'done' | 'missed' | 'cancelled',
): Promise<void> {
  await db.query(
    `UPDATE check_ins SET status = $2,
       outcome = CASE WHEN $2 = 'done' THEN 'well' END,
       channel = CASE WHEN $2 = 'done' THEN 'phone' END,
       completed_at = CASE WHEN $2 = 'done' THEN now() END
     WHERE id = $1`,
    [checkInId, status],
  );
}

/** A watch's lapse as the lapse scan records it: status `lapsed` and a `lapsed` event. */
export async function lapseWatch(db: DataSource, organisationId: string, watchId: string): Promise<void> {
  await db.query(`UPDATE watches SET status = 'lapsed' WHERE id = $1`, [watchId]);
  await db.query(
    `INSERT INTO watch_events (organisation_id, watch_id, type, reason) VALUES ($1, $2, 'lapsed', 'test')`,
    [organisationId, watchId],
  );
}

/** A pending `caseworker_digest` timer of a user. */
export async function createDigestTimer(
  db: DataSource,
  organisationId: string,
  userId: string,
  fireAt: Date,
): Promise<{ id: string }> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
     VALUES ($1, 'caseworker_digest', $2, $3) RETURNING id::text AS id`,
    [organisationId, userId, fireAt],
  );
  return row;
}

/** A user's live (pending or claimed) digest timers. */
export async function liveDigestTimers(db: DataSource, userId: string): Promise<Array<{ fire_at: Date }>> {
  return db.query(
    `SELECT fire_at FROM timers
     WHERE subject_id = $1 AND kind = 'caseworker_digest' AND state IN ('pending', 'claimed')`,
    [userId],
  );
}
