import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { RedisConnections } from '../queue/redis-connections.service';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly redis: RedisConnections,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL and Redis answer: the process can take traffic (503 otherwise)' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const check = this.indicators.check('database');
        try {
          await withTimeout(this.dataSource.query('SELECT 1'), 2_000);
          return check.up();
        } catch (e) {
          return check.down({ message: (e as Error).message });
        }
      },
      async () => {
        const check = this.indicators.check('redis');
        try {
          await withTimeout(this.redis.client.ping(), 2_000);
          return check.up();
        } catch (e) {
          return check.down({ message: (e as Error).message });
        }
      },
    ]);
  }
}
