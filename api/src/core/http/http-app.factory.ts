import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER, PARTNER_API_KEY_HEADER, SESSION_COOKIE } from '@waakvlam/contracts';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../app.module';
import type { AppConfig } from '../config/app.config';
import { TenantContext } from '../database/tenant-context.store';
import { attachHttpMetrics } from '../metrics/http-metrics.hook';
import { attachAuditRefusals } from '../../modules/audit/audit-refusal.hook';
import { AdminAssets } from './admin-assets.util';
import { requestId } from './request-id.util';
import { ProblemDetailsFilter } from './problem-details.filter';
import {
  contentSecurityPolicy,
  isToolPage,
  toolPageContentSecurityPolicyHeader,
} from './content-security-policy.util';
import { createValidationPipe } from './validation.pipe';

/** Builds the HTTP application (and, when the config says so, the workers in the same process). */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    // A larger body is refused before it is parsed: 413 payload-too-large (HTTP_BODY_LIMIT_BYTES).
    bodyLimit: config.httpBodyLimitBytes,
    // One request id for Fastify, the logs and the problem documents: the caller's X-Request-Id when sane.
    logger: false,
    requestIdHeader: false,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    bufferLogs: true,
    // A failure to start is thrown to the caller (main.ts logs it and exits 1; a test fails with its cause),
    // not turned into process.exit inside Nest.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // Prometheus scrapes /metrics at the root, as is the convention.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  attachHttpMetrics(app);
  // The audit log also records refusals of audited routes that happen before their handler (a guard's 403).
  attachAuditRefusals(app);

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      // Each request starts with no tenant context; the session guard fills it in (TenantContext).
      TenantContext.runEmpty(done);
    });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // Exactly these directives, no helmet defaults mixed in; docker/nginx-security-headers.conf sends the same.
      useDefaults: false,
      directives: contentSecurityPolicy(config.cookieSecure),
    },
    hsts: config.isProduction,
  });
  const toolPolicy = toolPageContentSecurityPolicyHeader(config.cookieSecure);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      // Swagger UI and Bull Board ship inline styles of their own; only their pages allow inline styles.
      if (isToolPage(request.url)) {
        void reply.header('content-security-policy', toolPolicy);
      }
      done();
    });

  const admin = new AdminAssets(config.adminDist);
  if (admin.root) {
    await app.register(fastifyStatic, {
      root: admin.root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      decorateReply: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(admin));
  setUpOpenApi(app);
  return app;
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Waakvlam API')
      .setDescription(
        'Plans light check-ins with residents after intensive support and restarts support without a new intake. ' +
          `Sign in with POST /api/auth/login; the session is the ${SESSION_COOKIE} cookie. Every state-changing ` +
          `request sends the XSRF-TOKEN cookie's value in the ${CSRF_HEADER} header. Errors are application/problem+json.`,
      )
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE)
      // Partner systems: only the routes marked @AcceptsApiKey (the signals) take it.
      .addApiKey({ type: 'apiKey', in: 'header', name: PARTNER_API_KEY_HEADER }, 'partner-api-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    raw: ['json'],
    useGlobalPrefix: false,
  });
}
