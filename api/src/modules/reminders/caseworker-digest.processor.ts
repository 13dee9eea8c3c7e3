import { DataSource } from 'typeorm';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { TimersService } from '../scheduling/timers.service';
import { CaseworkerDigestService } from './caseworker-digest.service';

/**
 * A caseworker's `caseworker_digest` timer fired. In one transaction: take the timer, write the digest and schedule
 * the next one; the e-mail is queued after commit. Safe to run twice: the second run finds the timer taken and does
 * nothing (and the digest's key allows one e-mail per caseworker and day).
 */
@ProcessesJob(JobName.CaseworkerDigest)
export class CaseworkerDigestProcessor implements JobProcessor<typeof JobName.CaseworkerDigest> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly digests: CaseworkerDigestService,
    private readonly notifications: NotificationsService,
  ) {}

  async process({ timerId }: JobPayloads[typeof JobName.CaseworkerDigest]): Promise<void> {
    const ids = await this.dataSource.transaction(async (tx) => {
      const timer = await this.timers.take(tx, timerId, 'caseworker_digest');
      if (!timer) return [];
      return this.digests.send(
        tx,
        { organisationId: timer.organisation_id, userId: timer.subject_id, fireAt: new Date(timer.fire_at) },
        new Date(),
      );
    });
    await this.notifications.dispatch(ids);
  }
}
