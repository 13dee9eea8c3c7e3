import { Controller, Get, Headers, Res } from '@nestjs/common';
import { TenantContext } from '../database/tenant-context.store';
import { ApiExcludeController } from '@nestjs/swagger';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { tokensEqual } from '../auth/tokens.util';
import { AppConfig } from '../config/app.config';
import { ProblemException } from '../http/problem.exception';
import { MetricsRegistry } from './metrics-registry.service';

/**
 * `GET /metrics` (outside /api) in the Prometheus text format. Open on the internal network unless
 * METRICS_TOKEN is set; then it wants `Authorization: Bearer <token>`. Not part of the API document.
 */
@ApiExcludeController()
@Public()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (token !== null && !tokensEqual(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1], token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new ProblemException(PROBLEM_TYPES.unauthenticated, 401, 'Not signed in', {
        detail: 'Send the metrics token as Authorization: Bearer <token>.',
      });
    }
    // The figures are the whole installation's, across organisations.
    const body = await TenantContext.asSystem('metrics', () => this.metrics.render());
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return body;
  }
}
