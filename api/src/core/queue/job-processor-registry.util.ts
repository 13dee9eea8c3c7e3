import type { JobName } from './queue.constants';
import type { JobProcessor } from './job-processor.decorator';

/**
 * Checks that every job has exactly one processor and that no processor claims an unknown job.
 * Returns the map, or throws an error naming every problem.
 */
export function buildProcessorMap(
  jobNames: readonly JobName[],
  found: ReadonlyArray<{ job: string; processor: JobProcessor<JobName>; className: string }>,
): Map<JobName, JobProcessor<JobName>> {
  const problems: string[] = [];
  const map = new Map<JobName, JobProcessor<JobName>>();
  for (const job of jobNames) {
    const matches = found.filter((f) => f.job === job);
    if (matches.length === 0) problems.push(`job '${job}' has no processor`);
    else if (matches.length > 1)
      problems.push(
        `job '${job}' has ${matches.length} processors: ${matches.map((m) => m.className).join(', ')}`,
      );
    else map.set(job, matches[0].processor);
  }
  for (const f of found) {
    if (!(jobNames as readonly string[]).includes(f.job))
      problems.push(`${f.className} processes unknown job '${f.job}'`);
  }
  if (problems.length > 0) throw new Error(`Job processors are misconfigured: ${problems.join('; ')}`);
  return map;
}
