import { DataSource } from 'typeorm';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';

/** Finished timers are kept for 7 days (to see what fired), then deleted in batches. Safe to run twice. */
@ProcessesJob(JobName.TimerPurge)
export class TimerPurgeProcessor implements JobProcessor<typeof JobName.TimerPurge> {
  constructor(private readonly dataSource: DataSource) {}

  async process(): Promise<void> {
    for (;;) {
      const [, deleted]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM timers WHERE id IN (
           SELECT id FROM timers WHERE state IN ('done', 'cancelled') AND completed_at < now() - interval '7 days'
           LIMIT 5000)`,
      );
      if (deleted < 5000) return;
    }
  }
}
