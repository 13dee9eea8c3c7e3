import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueWorkerService } from './queue-worker.service';

/** Imported only by processes with the `worker` role. */
@Module({ imports: [DiscoveryModule], providers: [QueueWorkerService] })
export class WorkerModule {}
