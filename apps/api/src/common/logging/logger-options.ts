import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app-config.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A survey's signed token sits in its path; it opens the customer's answers, so it is not logged. */
const SURVEY_TOKEN_IN_PATH = /^(\/api\/surveys\/)[^/?]+/;

/** The path as logged: no query string (phone numbers, codes) and no survey token. */
export function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(SURVEY_TOKEN_IN_PATH, '$1:token');
}

/** The caller's X-Request-Id when it is a safe token, else a fresh UUID; written back so every layer agrees. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

/**
 * Structured request logs. Bodies and query strings are never logged (they carry phone numbers,
 * licence numbers and WeChat codes); tokens, survey tokens and cookies are redacted. Lines go to stdout unless
 * `destination` is given (the tests read exactly what production would write).
 */
export function buildLoggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    genReqId: (req) => requestIdOf(req),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // Nest's own logs (start-up, unexpected errors) go through the same pino instance.
    exclude: [],
  };
}
