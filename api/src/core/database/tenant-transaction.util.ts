import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SYSTEM_SETTING, TENANT_SETTING } from './row-level-security.util';
import { TenantContext, type TenantContextValue } from './tenant-context.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that puts a context into the current transaction (`set_config(…, true)` is `SET LOCAL`): the
 * organisation's id, or the system flag. Values are checked, not quoted: a UUID or nothing.
 */
export function tenantSettingsSql(value: TenantContextValue): string {
  if (value.kind === 'system')
    return `SELECT set_config('${TENANT_SETTING}', '', true), set_config('${SYSTEM_SETTING}', 'on', true)`;
  if (!UUID.test(value.organisationId)) throw new Error('An organisation id is a UUID');
  return `SELECT set_config('${TENANT_SETTING}', '${value.organisationId}', true), set_config('${SYSTEM_SETTING}', '', true)`;
}

const installed = Symbol.for('waakvlam.tenantTransactions');
const wrapping = Symbol('waakvlam.wrapping');
type Runner = PostgresQueryRunner & { [wrapping]?: boolean };

/**
 * Makes every statement the application sends through TypeORM carry the tenant context of its async call chain:
 * a transaction gets the context right after it starts; a statement outside a transaction runs in one of its own
 * (BEGIN and the settings in one round trip, then the statement, then COMMIT). Without a context the statement runs
 * as it is, and row-level security shows it no rows. Installed once per process (idempotent).
 */
export function installTenantTransactions(): void {
  const proto = PostgresQueryRunner.prototype as Runner & Record<symbol, unknown>;
  if (proto[installed]) return;
  proto[installed] = true;
  const query = proto.query;
  const startTransaction = proto.startTransaction;

  proto.startTransaction = async function (this: Runner, isolationLevel) {
    await startTransaction.call(this, isolationLevel);
    const context = TenantContext.current();
    if (context && (this as unknown as { transactionDepth: number }).transactionDepth === 1)
      await query.call(this, tenantSettingsSql(context));
  };

  proto.query = async function (this: Runner, sql: string, parameters?: unknown[], structured?: boolean) {
    const context = this.isTransactionActive || this[wrapping] ? null : TenantContext.current();
    if (!context) return query.call(this, sql, parameters, structured);
    this[wrapping] = true;
    try {
      await query.call(this, `BEGIN; ${tenantSettingsSql(context)}`);
      try {
        const result: unknown = await query.call(this, sql, parameters, structured);
        await query.call(this, 'COMMIT');
        return result;
      } catch (error) {
        await query.call(this, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      this[wrapping] = false;
    }
  } as typeof proto.query;
}
