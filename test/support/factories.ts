import { randomUUID } from 'node:crypto';
import type { PartnerKind, UserRole } from '@waakvlam/contracts';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../../api/src/core/auth/password-hasher.service';

export const TEST_PASSWORD = 'test-password-2026';

const hasher = new PasswordHasher();
let hashed: Promise<string> | undefined;
/** Hashing is deliberately slow; every test user shares one hash of TEST_PASSWORD. */
const passwordHash = (): Promise<string> => (hashed ??= hasher.hash(TEST_PASSWORD));

const unique = (): string => randomUUID().slice(0, 8);

export interface TestOrganisation {
  id: string;
  name: string;
}

export async function createOrganisation(
  db: DataSource,
  name = `Team ${unique()}`,
): Promise<TestOrganisation> {
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO organisations (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return { id: row.id, name };
}

export async function createPartnerOrganisation(
  db: DataSource,
  organisationId: string,
  kind: PartnerKind = 'housing_corporation',
): Promise<{ id: string; name: string }> {
  const name = `Partner ${unique()}`;
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO partner_organisations (organisation_id, name, kind) VALUES ($1, $2, $3) RETURNING id`,
    [organisationId, name, kind],
  );
  return { id: row.id, name };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  organisationId: string;
}

export async function createUser(
  db: DataSource,
  organisationId: string,
  options: { role?: UserRole; partnerOrganisationId?: string; active?: boolean; email?: string } = {},
): Promise<TestUser> {
  const role = options.role ?? 'coordinator';
  const email = options.email ?? `${role}-${unique()}@test.waakvlam.nl`;
  const [row]: Array<{ id: string }> = await db.query(
    `INSERT INTO users (organisation_id, partner_organisation_id, email, display_name, role, password_hash, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      organisationId,
      options.partnerOrganisationId ?? null,
      email,
      `Test ${role} ${unique()}`,
      role,
      await passwordHash(),
      options.active ?? true,
    ],
  );
  return { id: row.id, email, password: TEST_PASSWORD, role, organisationId };
}

/** An organisation with one user of each staff role. */
export async function createTeam(db: DataSource): Promise<{
  organisation: TestOrganisation;
  admin: TestUser;
  coordinator: TestUser;
  caseworker: TestUser;
}> {
  const organisation = await createOrganisation(db);
  const [admin, coordinator, caseworker] = await Promise.all([
    createUser(db, organisation.id, { role: 'admin' }),
    createUser(db, organisation.id, { role: 'coordinator' }),
    createUser(db, organisation.id, { role: 'caseworker' }),
  ]);
  return { organisation, admin, coordinator, caseworker };
}

/** A partner user (ketenpartner) of a new partner organisation of the given organisation. */
export async function createPartnerUser(
  db: DataSource,
  organisationId: string,
  kind: PartnerKind = 'housing_corporation',
): Promise<{ user: TestUser; partner: { id: string; name: string } }> {
  const partner = await createPartnerOrganisation(db, organisationId, kind);
  const user = await createUser(db, organisationId, { role: 'partner', partnerOrganisationId: partner.id });
  return { user, partner };
}
