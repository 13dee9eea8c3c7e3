/** What a database error may tell the logs: where and which rule, never the values (detail, parameters, row). */
const DATABASE_FIELDS = ['code', 'constraint', 'table', 'column', 'dataType', 'routine'] as const;

type Fields = Readonly<Record<string, unknown>>;

/**
 * An error as the logs may hold it. A database error (TypeORM's QueryFailedError, or pg's own) carries the query's
 * parameters, the refused row ("Failing row contains (…)") and, in some messages, a value: all personal data when a
 * client was being saved. It is logged by its class, SQLSTATE, constraint, table and column, with the stack below the
 * message. Other errors keep their message and stack.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as Fields;
  const sqlState = typeof driver['code'] === 'string' && /^[0-9A-Z]{5}$/.test(driver['code']);
  if (error.name !== 'QueryFailedError' && !(sqlState && 'severity' in driver))
    return { type: error.name, message: error.message, stack: error.stack };
  const fields = Object.fromEntries(
    DATABASE_FIELDS.filter((key) => typeof driver[key] === 'string').map((key) => [key, driver[key]]),
  );
  return {
    type: error.name,
    message: 'Database error (its values are left out of the logs)',
    ...fields,
    stack: error.stack?.split('\n').slice(1).join('\n'),
  };
}
