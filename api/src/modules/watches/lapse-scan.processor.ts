import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { WatchLapseScanService } from './watch-lapse-scan.service';

/** Every LAPSE_SCAN_MINUTES across the cluster: watches that lost contact become `lapsed`. */
@ProcessesJob(JobName.LapseScan)
export class LapseScanProcessor implements JobProcessor<typeof JobName.LapseScan> {
  private readonly logger = new Logger('LapseScan');

  constructor(private readonly scan: WatchLapseScanService) {}

  async process(): Promise<void> {
    const lapsed = await this.scan.run();
    if (lapsed.length > 0) this.logger.log(`Lapsed ${lapsed.length} watches`);
  }
}
