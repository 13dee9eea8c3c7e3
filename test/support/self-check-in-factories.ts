import { randomBytes } from 'node:crypto';
import { WorkingCalendar } from '@waakvlam/schedule';
import type { DataSource } from 'typeorm';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import {
  CheckInTokensService,
  CHECK_IN_TOKEN_DAYS,
} from '../../api/src/modules/check-ins/check-in-tokens.service';
import { createCheckIn, createClient, createTeam, createWatch, type TestUser } from './factories';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SelfCheckInFixture {
  /** The secret of the link, as the e-mail holds it. */
  token: string;
  organisationId: string;
  caseworker: TestUser;
  coordinator: TestUser;
  /** Personal data the public page and API must never show. */
  client: { id: string; name: string; reference: string; email: string; dateOfBirth: string };
  watchId: string;
  checkInId: string;
}

/**
 * A client with consent to e-mail, a `self` watch with a planned check-in due today, and its link, issued as the
 * pre-notice would issue it. `expired`: issued so long ago that the link no longer works.
 */
export async function createSelfCheckIn(
  db: DataSource,
  options: { expired?: boolean } = {},
): Promise<SelfCheckInFixture> {
  const team = await createTeam(db);
  const organisationId = team.organisation.id;
  const base = await createClient(db, organisationId, team.coordinator.id);
  const client = {
    ...base,
    email: `inwoner-${base.reference.toLowerCase()}@example.nl`,
    dateOfBirth: '1961-04-17',
  };
  await db.query(
    `UPDATE clients SET email = $2, date_of_birth = $3, consent_email_reminders = true WHERE id = $1`,
    [client.id, client.email, client.dateOfBirth],
  );
  const watch = await createWatch(db, organisationId, client.id, team.caseworker.id);
  await db.query(`UPDATE watches SET contact_mode = 'self' WHERE id = $1`, [watch.id]);
  const dueDate = calendar.today(new Date());
  const checkIn = await createCheckIn(db, organisationId, watch.id, team.caseworker.id, {
    dueDate,
    graceEndsOn: addDays(dueDate, 10),
  });
  const issuedAt = options.expired ? new Date(Date.now() - (CHECK_IN_TOKEN_DAYS + 1) * DAY_MS) : new Date();
  const links = await new CheckInTokensService(db).issueMany(
    db.manager,
    [{ check_in_id: checkIn.id, organisation_id: organisationId }],
    issuedAt,
  );
  const token = links.get(checkIn.id);
  if (!token) throw new Error('The check-in already has a link');
  return {
    token,
    organisationId,
    caseworker: team.caseworker,
    coordinator: team.coordinator,
    client,
    watchId: watch.id,
    checkInId: checkIn.id,
  };
}

/** A token of the right shape that was never issued. */
export function unknownCheckInToken(): string {
  return randomBytes(32).toString('base64url');
}
