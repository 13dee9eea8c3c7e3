import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../queue/job-processor.decorator';
import { JobName } from '../queue/queue.constants';
import { SessionService } from './session.service';

/** Removes ended sessions, once per interval across the cluster. Running it twice deletes nothing more. */
@ProcessesJob(JobName.SessionPurge)
export class SessionPurgeProcessor implements JobProcessor<typeof JobName.SessionPurge> {
  private readonly logger = new Logger('SessionPurge');

  constructor(private readonly sessions: SessionService) {}

  async process(): Promise<void> {
    const removed = await this.sessions.purgeEnded();
    if (removed > 0) this.logger.log(`Removed ${removed} ended sessions`);
  }
}
