/**
 * Runs the timers of one job together (one transaction for the batch). When the batch fails, each timer runs on its
 * own, so one timer whose effect keeps failing cannot hold the others back; the error is rethrown afterwards when any
 * timer failed, and the job is retried for those (the others are done and a retry skips them).
 */
export async function runTimerBatch(
  timerIds: readonly string[],
  run: (ids: readonly string[]) => Promise<void>,
): Promise<void> {
  try {
    await run(timerIds);
    return;
  } catch (error) {
    if (timerIds.length <= 1) throw error;
  }
  const failures: unknown[] = [];
  for (const id of timerIds) {
    try {
      await run([id]);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} of ${timerIds.length} timers failed`);
  }
}
