import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service';
import { RedisConnections } from './redis-connections.service';
import { RedisEpoch } from './redis-epoch.service';

@Global()
@Module({
  providers: [RedisConnections, QueueService, RedisEpoch],
  exports: [RedisConnections, QueueService, RedisEpoch],
})
export class QueueModule {}
