import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { NotificationSendProcessor } from '../notifications/notification-send.processor';

/**
 * Sends a reactivation e-mail from the urgent queue, by the same path as the mail queue's `notification-send`
 * (claim the outbox row, send with its Message-ID, mark it sent; failures back off and end `dead`). Safe to run
 * twice, and beside a mail-queue job for the same message: the conditional claim lets one of them send it.
 */
@ProcessesJob(JobName.ReactivationNotify)
export class ReactivationNotifyProcessor implements JobProcessor<typeof JobName.ReactivationNotify> {
  constructor(private readonly sender: NotificationSendProcessor) {}

  async process(
    payload: JobPayloads[typeof JobName.ReactivationNotify],
    context: { jobId: string; attempt: number },
  ): Promise<void> {
    await this.sender.process({ notificationId: payload.notificationId }, context);
  }
}
