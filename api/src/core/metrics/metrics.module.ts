import { Module } from '@nestjs/common';
import { DatabaseMetricsReader } from './database-metrics.reader';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry.service';
import { QueueMetricsReader } from './queue-metrics.reader';

/** Prometheus metrics at GET /metrics; see docs/operations.md#metrics-and-queue-health. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, QueueMetricsReader, DatabaseMetricsReader],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
