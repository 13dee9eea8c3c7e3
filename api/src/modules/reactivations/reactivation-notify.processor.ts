import { ModuleRef } from '@nestjs/core';
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
  private sender: NotificationSendProcessor | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  async process(
    payload: JobPayloads[typeof JobName.ReactivationNotify],
    context: { jobId: string; attempt: number },
  ): Promise<void> {
    // The notifications module's own processor (not exported): the one send path for every e-mail.
    this.sender ??= this.moduleRef.get(NotificationSendProcessor, { strict: false }) ?? undefined;
    if (!this.sender) throw new Error('NotificationSendProcessor is not provided');
    await this.sender.process({ notificationId: payload.notificationId }, context);
  }
}
