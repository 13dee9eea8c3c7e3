/**
 * Waits for `work` at most `ms`: 'done' when it finished in time, 'timeout' when not (it goes on in the
 * background; a rejection after the time is swallowed). A rejection in time is thrown.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), late]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}
