import { DataSource } from 'typeorm';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { runTimerBatch } from '../scheduling/timer-batch.util';
import { TimersService } from '../scheduling/timers.service';
import { CaseworkerDigestService } from './caseworker-digest.service';

/**
 * Caseworkers' `caseworker_digest` timers fired (a batch of them). In one transaction: take the timers, write each
 * digest and schedule the next one; the e-mails are queued after commit. Safe to run twice: the second run finds the
 * timers taken and does nothing (and the digest's key allows one e-mail per caseworker and day).
 */
@ProcessesJob(JobName.CaseworkerDigest)
export class CaseworkerDigestProcessor implements JobProcessor<typeof JobName.CaseworkerDigest> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly digests: CaseworkerDigestService,
    private readonly notifications: NotificationsService,
  ) {}

  async process({ timerIds }: JobPayloads[typeof JobName.CaseworkerDigest]): Promise<void> {
    await runTimerBatch(timerIds, async (ids) => {
      const notificationIds = await this.dataSource.transaction(async (tx) => {
        const written: string[] = [];
        for (const timer of await this.timers.takeMany(tx, ids, 'caseworker_digest')) {
          written.push(
            ...(await this.digests.send(
              tx,
              {
                organisationId: timer.organisation_id,
                userId: timer.subject_id,
                fireAt: new Date(timer.fire_at),
              },
              new Date(),
            )),
          );
        }
        return written;
      });
      await this.notifications.dispatch(notificationIds);
    });
  }
}
