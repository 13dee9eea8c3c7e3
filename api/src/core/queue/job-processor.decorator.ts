import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import type { JobName, JobPayloads } from './queue.constants';

export const JOB_PROCESSOR_METADATA = 'waakvlam:job-processor';

/** A job's processor. It must be safe to run twice: re-read the rows, change them conditionally. */
export interface JobProcessor<N extends JobName> {
  process(payload: JobPayloads[N], context: { jobId: string; attempt: number }): Promise<void>;
}

/** Marks a provider as the one processor of a job; the worker checks at start-up that each job has exactly one. */
export function ProcessesJob(name: JobName): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(JOB_PROCESSOR_METADATA, name));
}
