import { buildProcessorMap } from './job-processor-registry.util';
import type { JobProcessor } from './job-processor.decorator';
import type { JobName } from './queue.constants';

const processor: JobProcessor<JobName> = { process: async () => undefined };
const jobs = ['a', 'b'] as unknown as JobName[];

describe('buildProcessorMap', () => {
  it('maps each job to its one processor', () => {
    const map = buildProcessorMap(jobs, [
      { job: 'a', processor, className: 'A' },
      { job: 'b', processor, className: 'B' },
    ]);
    expect([...map.keys()]).toEqual(['a', 'b']);
  });

  it('refuses to start when a job has no processor, two processors, or an unknown name', () => {
    expect(() =>
      buildProcessorMap(jobs, [
        { job: 'a', processor, className: 'A1' },
        { job: 'a', processor, className: 'A2' },
        { job: 'c', processor, className: 'C' },
      ]),
    ).toThrow("job 'a' has 2 processors: A1, A2; job 'b' has no processor; C processes unknown job 'c'");
  });
});
