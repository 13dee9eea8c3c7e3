import 'reflect-metadata';
import { AppConfig } from '../core/config/app.config';
import { ConfigError } from '../core/config/config.error';
import { createDataSource } from '../core/database/data-source.factory';
import { SYSTEM_SETTING } from '../core/database/row-level-security.util';
import { AuditChainVerifier } from '../modules/audit/audit-chain.verifier';

/**
 * `npm run audit:verify`: walks every organisation's audit chain (DATABASE_URL) and reports changed, missing and
 * reordered events. Exits 1 when it finds any, 2 when it cannot run.
 */
async function verify(): Promise<number> {
  const config = AppConfig.fromEnv(process.env);
  const dataSource = createDataSource({ ...config, databasePoolSize: 1 }, 'waakvlam-audit-verify');
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    // Verification reads every organisation's chain: the system context, for this connection only.
    await runner.query(`SELECT set_config('${SYSTEM_SETTING}', 'on', false)`);
    const report = await new AuditChainVerifier(runner).verify();
    for (const p of report.problems)
      console.log(`PROBLEM ${p.kind} organisation=${p.organisationId} seq=${p.seq}: ${p.detail}`);
    console.log(
      `Verified ${report.events} audit events of ${report.organisations} organisation(s): ` +
        (report.problems.length === 0 ? 'every chain is intact.' : `${report.problems.length} problem(s).`),
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

verify().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
