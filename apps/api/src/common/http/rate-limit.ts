import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '@dealer-care/domain';
import type { AppConfig } from '../../config/app-config.js';
import { DomainException } from '../problem/domain.exception.js';

const LIMITS = Symbol('dealerCareRateLimits');
type Limits = { login: number; booking: number };

/**
 * Rate limits with @fastify/rate-limit, only on routes that opt in (logins, bookings).
 * @nestjs/throttler is CommonJS requiring the ESM-only NestJS 12, which jest on Node 20 cannot
 * load; the Fastify plugin does the same job one layer down. Counters are per process.
 */
export async function registerRateLimits(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance & { [LIMITS]?: Limits };
  // The limits live on this app's server, so several apps in one process keep their own.
  fastify[LIMITS] = { login: config.loginRateLimitPerMinute, booking: config.bookingRateLimitPerMinute };
  await app.register(rateLimit as never, {
    global: false,
    max: config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () =>
      new DomainException(ErrorCode.TooManyRequests, '尝试次数过多，请一分钟后再试'),
  });
}

const limitOf = (kind: keyof Limits) => (request: FastifyRequest) =>
  (request.server as FastifyInstance & { [LIMITS]?: Limits })[LIMITS]?.[kind] ?? 10;

/** Opts a route into the login rate limit (LOGIN_RATE_LIMIT_PER_MINUTE per client IP). */
export const LoginRateLimit = () => RouteConfig({ rateLimit: { max: limitOf('login') } });

/** Opts a route into the booking rate limit (BOOKING_RATE_LIMIT_PER_MINUTE per client IP). */
export const BookingRateLimit = () => RouteConfig({ rateLimit: { max: limitOf('booking') } });
