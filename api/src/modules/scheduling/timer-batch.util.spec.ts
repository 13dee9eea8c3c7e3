import { runTimerBatch } from './timer-batch.util';

describe('runTimerBatch', () => {
  it('runs the whole batch once when it succeeds', async () => {
    const calls: string[][] = [];
    await runTimerBatch(['1', '2', '3'], async (ids) => {
      calls.push([...ids]);
    });
    expect(calls).toEqual([['1', '2', '3']]);
  });

  it('runs each timer alone after the batch failed, and fails for the one that keeps failing', async () => {
    const done: string[] = [];
    const run = runTimerBatch(['1', '2', '3'], async (ids) => {
      if (ids.includes('2')) throw new Error('timer 2 is broken');
      done.push(...ids);
    });
    await expect(run).rejects.toThrow('1 of 3 timers failed');
    expect(done).toEqual(['1', '3']);
  });

  it('rethrows the error of a single timer as it is', async () => {
    await expect(
      runTimerBatch(['1'], async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
  });
});
