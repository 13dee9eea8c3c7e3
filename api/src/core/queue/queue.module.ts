import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service';
import { RedisConnections } from './redis-connections.service';

@Global()
@Module({ providers: [RedisConnections, QueueService], exports: [RedisConnections, QueueService] })
export class QueueModule {}
