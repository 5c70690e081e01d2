import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ErrorCode } from '@dealer-care/domain';
import type { AppConfig } from '../../config/app-config.js';
import { DomainException } from '../problem/domain.exception.js';

/**
 * Rate limits with @fastify/rate-limit, only on routes that opt in (logins). @nestjs/throttler is
 * CommonJS requiring the ESM-only NestJS 12, which jest on Node 20 cannot load; the Fastify plugin
 * does the same job one layer down. The store is per process (fine for brute-force protection).
 */
export async function registerRateLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(rateLimit as never, {
    global: false,
    max: config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () =>
      new DomainException(ErrorCode.TooManyRequests, '尝试次数过多，请一分钟后再试'),
  });
}

/** Opts a route into the login rate limit (LOGIN_RATE_LIMIT_PER_MINUTE per client IP). */
export const LoginRateLimit = () => RouteConfig({ rateLimit: {} });
