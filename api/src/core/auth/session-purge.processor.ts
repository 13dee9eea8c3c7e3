import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../queue/job-processor.decorator';
import { JobName } from '../queue/queue.constants';
import { PendingSignIns } from './pending-sign-in.service';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle.service';

/**
 * Removes ended sessions, expired pending sign-ins and forgotten failure counters, once per interval across the
 * cluster. Running it twice deletes nothing more.
 */
@ProcessesJob(JobName.SessionPurge)
export class SessionPurgeProcessor implements JobProcessor<typeof JobName.SessionPurge> {
  private readonly logger = new Logger('SessionPurge');

  constructor(
    private readonly sessions: SessionService,
    private readonly pending: PendingSignIns,
    private readonly throttle: SignInThrottle,
  ) {}

  async process(): Promise<void> {
    const removed = await this.sessions.purgeEnded();
    const pending = await this.pending.purgeExpired();
    const counters = await this.throttle.purgeForgotten();
    if (removed + pending + counters > 0) {
      this.logger.log(
        `Removed ${removed} ended sessions, ${pending} pending sign-ins, ${counters} failure counters`,
      );
    }
  }
}
