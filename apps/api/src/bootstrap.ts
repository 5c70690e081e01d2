import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import { registerRateLimits } from './common/http/rate-limit.js';
import { sendProblem } from './common/problem/problem-details.filter.js';
import { requestIdOf } from './common/logging/logger-options.js';
import type { AppConfig } from './config/app-config.js';

/**
 * Builds the application exactly as production runs it; main.ts and the integration tests
 * both call this, so tests exercise the real headers, limits, filters and docs.
 */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    // On shutdown, idle keep-alive sockets close at once; requests in flight finish first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Router-level failures (a malformed percent-escape in the path) get problem+json like the rest.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, new NestLogger('ProblemDetails')),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config, options),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.register(helmet as never, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI and the Taro H5 runtime set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await registerRateLimits(app, config);
  // Once shutdown starts, answers close their keep-alive connection, so the server can finish
  // the work it acknowledged and exit instead of waiting for clients' idle sockets to time out.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    if (closing) void reply.header('connection', 'close');
  });

  setUpOpenApi(app);
  await serveFrontEnds(app, fastify, config);
  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Dealer Care API')
      .setDescription('4S 店客户关怀：试驾预约、交车确认、回访与满意度。Errors are application/problem+json.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'staff')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'customer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** The H5 mini-program at /m/ and the portal at /portal/, when their builds exist. */
async function serveFrontEnds(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  config: AppConfig,
): Promise<void> {
  const logger = new NestLogger('Static');
  const sites = [
    { prefix: '/m/', root: config.staticDirs.miniappH5, name: 'mini-program H5' },
    { prefix: '/portal/', root: config.staticDirs.portal, name: 'portal' },
  ];
  let decorated = false;
  for (const site of sites) {
    if (!existsSync(join(site.root, 'index.html'))) {
      logger.warn(
        `${site.name} build not found at ${site.root}; run pnpm build to serve it at ${site.prefix}`,
      );
      continue;
    }
    // Loaded only when there is something to serve (keeps API-only processes and tests lean).
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic as never, {
      root: site.root,
      prefix: site.prefix,
      wildcard: false,
      decorateReply: !decorated,
      index: ['index.html'],
      maxAge: '1h',
      // The builds write .br and .gz siblings (tools/precompress.mjs): sent to browsers that accept them.
      preCompressed: true,
    });
    decorated = true;
    // Client-side routes fall back to the app's index.html.
    const fallback = (_request: unknown, reply: { sendFile: (file: string, root: string) => unknown }) =>
      reply.sendFile('index.html', site.root);
    fastify.get(`${site.prefix}*`, fallback as never);
    fastify.get(site.prefix.slice(0, -1), (_request, reply) => reply.redirect(site.prefix));
  }
  fastify.get('/', (_request, reply) => reply.redirect('/portal/'));
}
