import type { EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE … RETURNING` and gives its rows. (TypeORM answers UPDATE and DELETE with `[rows, count]`,
 * every other statement with the rows.)
 */
export async function updateReturning<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/** Runs an `UPDATE … RETURNING 1` and gives how many rows it changed, in one row: `WITH changed AS (…) SELECT count`. */
export async function updateCount(
  manager: EntityManager,
  update: string,
  params: unknown[],
): Promise<number> {
  const [row]: Array<{ changed: number }> = await manager.query(
    `WITH changed AS (${update} RETURNING 1) SELECT count(*)::int AS changed FROM changed`,
    params,
  );
  return row?.changed ?? 0;
}
