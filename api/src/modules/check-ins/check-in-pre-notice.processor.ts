import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { CheckInTimerRunner } from './check-in-timer-runner.service';
import { CheckInTokensService } from './check-in-tokens.service';

/**
 * N working days before the due date: the client hears that contact is coming (only with consent and an e-mail
 * address). When the watch's contact mode is `self`, the e-mail is a self check-in with a single-use link.
 */
@ProcessesJob(JobName.CheckInPreNotice)
export class CheckInPreNoticeProcessor implements JobProcessor<typeof JobName.CheckInPreNotice> {
  constructor(
    private readonly runner: CheckInTimerRunner,
    private readonly tokens: CheckInTokensService,
    private readonly reminders: CheckInRemindersService,
  ) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, 'check_in_pre_notice', async (tx, steps) => {
      const self = steps.filter((s) => s.checkIn.contactMode === 'self').map((s) => s.checkIn.id);
      const other = steps.filter((s) => s.checkIn.contactMode !== 'self').map((s) => s.checkIn.id);
      const now = new Date();
      return [
        ...(await this.reminders.preNotice(tx, self, (checkIns) => this.tokens.issueMany(tx, checkIns, now))),
        ...(await this.reminders.preNotice(tx, other, null)),
      ];
    });
  }
}
