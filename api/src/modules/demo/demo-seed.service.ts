import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TenantContext } from '../../core/database/tenant-context.store';
import type { UserRole } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { PasswordHasher } from '../../core/auth/password-hasher.service';
import { AppConfig } from '../../core/config/app.config';
import { DemoCaseloadSeeder } from './demo-caseload.service';

export const DEMO_ORGANISATION = 'Buurtteam Voorbeeld';
export const DEMO_PARTNER = 'Woonstichting Voorbeeld';

/** The demo accounts, listed in the README. They all use DEMO_PASSWORD. */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  displayName: string;
  role: UserRole;
  partner?: true;
}> = [
  { email: 'admin@voorbeeld.nl', displayName: 'Anouk Beheer', role: 'admin' },
  { email: 'coordinator@voorbeeld.nl', displayName: 'Ruben Regie', role: 'coordinator' },
  { email: 'caseworker1@voorbeeld.nl', displayName: 'Fatima El Amrani', role: 'caseworker' },
  { email: 'caseworker2@voorbeeld.nl', displayName: 'Joost de Vries', role: 'caseworker' },
  { email: 'caseworker3@voorbeeld.nl', displayName: 'Sanne Bakker', role: 'caseworker' },
  {
    email: 'partner@woonstichting-voorbeeld.nl',
    displayName: 'Petra Woonconsulent',
    role: 'partner',
    partner: true,
  },
];

const SEED_LOCK_ID = 7_340_126;

/** Creates the demo organisation on first start outside production; `npm run seed:demo` recreates it. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordHasher,
    private readonly caseload: DemoCaseloadSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo && this.config.hasRole('api'))
      await TenantContext.asSystem('demo seed', () => this.seed({ recreate: false }));
  }

  /** Returns true when it created the organisation. Several processes may call it at once: an advisory lock serialises them. */
  async seed({ recreate }: { recreate: boolean }): Promise<boolean> {
    if (this.config.isProduction) throw new Error('Demo data is never seeded in production');
    const passwordHash = await this.passwords.hash(this.config.demoPassword);
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_ID]);
      const existing: Array<{ id: string }> = await tx.query(`SELECT id FROM organisations WHERE name = $1`, [
        DEMO_ORGANISATION,
      ]);
      if (existing.length > 0 && !recreate) return false;
      // Deleting the organisation cascades to everything it owns.
      await tx.query(`DELETE FROM organisations WHERE name = $1`, [DEMO_ORGANISATION]);
      await tx.query(`DELETE FROM users WHERE email = ANY($1)`, [DEMO_USERS.map((u) => u.email)]);
      await this.create(tx, passwordHash);
      this.logger.log(
        `Demo organisation '${DEMO_ORGANISATION}' created with ${DEMO_USERS.length} accounts and residents`,
      );
      return true;
    });
  }

  private async create(tx: EntityManager, passwordHash: string): Promise<void> {
    const [org]: Array<{ id: string }> = await tx.query(
      `INSERT INTO organisations (name, time_zone) VALUES ($1, $2) RETURNING id`,
      [DEMO_ORGANISATION, this.config.defaultTimeZone],
    );
    const [partner]: Array<{ id: string }> = await tx.query(
      `INSERT INTO partner_organisations (organisation_id, name, kind) VALUES ($1, $2, 'housing_corporation') RETURNING id`,
      [org.id, DEMO_PARTNER],
    );
    await tx.query(
      `INSERT INTO users (organisation_id, partner_organisation_id, email, display_name, role, password_hash)
       SELECT $1, CASE WHEN u.partner THEN $2::uuid END, u.email, u.display_name, u.role, $3
       FROM jsonb_to_recordset($4::jsonb) AS u(email text, display_name text, role text, partner boolean)`,
      [
        org.id,
        partner.id,
        passwordHash,
        JSON.stringify(
          DEMO_USERS.map((u) => ({
            email: u.email,
            display_name: u.displayName,
            role: u.role,
            partner: !!u.partner,
          })),
        ),
      ],
    );
    const users: Array<{ id: string; email: string }> = await tx.query(
      `SELECT id, email FROM users WHERE organisation_id = $1`,
      [org.id],
    );
    const idOf = (email: string): string => users.find((u) => u.email === email)?.id as string;
    await this.caseload.seed(
      tx,
      org.id,
      {
        coordinatorId: idOf('coordinator@voorbeeld.nl'),
        caseworkerIds: [
          idOf('caseworker1@voorbeeld.nl'),
          idOf('caseworker2@voorbeeld.nl'),
          idOf('caseworker3@voorbeeld.nl'),
        ],
      },
      undefined,
      { partnerOrganisationId: partner.id, reporterId: idOf('partner@woonstichting-voorbeeld.nl') },
    );
  }
}
