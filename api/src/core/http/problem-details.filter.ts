import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminAssets } from './admin-assets.util';
import { toProblem } from './problem-mapper.util';
import { loggableError } from '../logging/loggable-error.util';

/** Every error leaves as `application/problem+json`; unknown console paths get the console's index.html. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly admin: AdminAssets) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const path = request.url.split('?')[0];

    if (exception instanceof NotFoundException && this.admin.isConsoleRoute(request.method, path)) {
      void reply
        .status(HttpStatus.OK)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(this.admin.index);
      return;
    }

    const problem = toProblem(exception, path);
    problem.requestId = request.id;
    if (problem.status >= 500) {
      // Without the values a database error carries (the row, the query's parameters): personal data.
      this.logger.error({ err: loggableError(exception), requestId: problem.requestId }, 'Unhandled error');
    }
    if (problem.status === 429) {
      // @nestjs/throttler names its header per throttler (Retry-After-<name>); clients look for the standard one.
      const waits = Object.entries(reply.getHeaders())
        .filter(([name]) => name.toLowerCase().startsWith('retry-after'))
        .map(([, value]) => Number(value))
        .filter((n) => Number.isFinite(n));
      if (waits.length > 0) void reply.header('retry-after', String(Math.max(...waits)));
    }
    void reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
  }
}
