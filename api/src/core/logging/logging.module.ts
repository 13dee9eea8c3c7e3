import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app.config';
import { requestId } from '../http/request-id.util';

/**
 * JSON logs with a request id. No personal data: no bodies, no cookies, no query strings (a token could be
 * in one), only method, path and status.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          // The id Fastify gave the request (see request-id.ts).
          genReqId: (req: IncomingMessage) => requestId(req),
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              // A self check-in link's secret is in its path: it never reaches the logs.
              path: (req.url ?? '').split('?')[0].replace(/\/check-in\/[^/]+/, '/check-in/:token'),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['req.headers', 'res.headers'], remove: true },
          base: { service: 'waakvlam', roles: config.roles.join(',') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
