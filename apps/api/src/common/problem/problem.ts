import { HttpException } from '@nestjs/common';
import {
  ErrorCode,
  errorCodeStatus,
  errorCodeTitle,
  PROBLEM_CONTENT_TYPE,
  problemType,
  type ProblemDetails,
} from '@dealer-care/domain';
import { DomainException } from './domain.exception.js';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** Fastify's own errors (body parsing, limits) that reach us before any Nest handler. */
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; detail: string; status?: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: ErrorCode.PayloadTooLarge, detail: '提交的内容超过了大小限制' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.MalformedBody,
    detail: '请以 JSON 格式（application/json）提交',
    status: 415,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ErrorCode.MalformedBody, detail: '请求内容为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: ErrorCode.MalformedBody, detail: '请求长度与内容不符' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ErrorCode.MalformedBody, detail: '请求内容不是有效的 JSON' },
  FST_ERR_BAD_URL: { code: ErrorCode.MalformedBody, detail: '请求地址的编码不正确' },
};

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  /** True when the failure is ours, not the client's: log it with its stack. */
  unexpected: boolean;
}

function problem(
  code: ErrorCode,
  status: number,
  detail?: string,
  extra?: Partial<ProblemDetails>,
): ProblemDetails {
  return {
    type: problemType(code),
    title: errorCodeTitle[code],
    status,
    ...(detail ? { detail } : {}),
    code,
    ...extra,
  };
}

/** Maps anything thrown while handling a request to problem+json. */
export function toProblem(exception: unknown, instance?: string, requestId?: string): ProblemResponse {
  const base = { ...(instance ? { instance } : {}), ...(requestId ? { requestId } : {}) };

  if (exception instanceof DomainException) {
    return {
      status: exception.status,
      body: {
        ...problem(exception.code, exception.status, exception.detail, base),
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...exception.extensions,
      },
      unexpected: false,
    };
  }

  // Nest wraps Fastify's body-parsing errors in an HttpException whose cause is the FastifyError.
  const inner = exception instanceof HttpException ? exception.cause : exception;
  const fastifyCode = (inner as { code?: unknown } | undefined)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) {
    const known = FASTIFY_ERRORS[fastifyCode];
    const status = known.status ?? errorCodeStatus[known.code];
    return { status, body: problem(known.code, status, known.detail, base), unexpected: false };
  }
  // JSON.parse failures of the body parser carry statusCode 400.
  if (inner instanceof SyntaxError && (inner as { statusCode?: number }).statusCode === 400) {
    return {
      status: 400,
      body: problem(ErrorCode.MalformedBody, 400, '请求内容不是有效的 JSON', base),
      unexpected: false,
    };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      STATUS_CODES[status] ??
      (status >= 500
        ? ErrorCode.Internal
        : status === 415
          ? ErrorCode.MalformedBody
          : ErrorCode.ValidationFailed);
    const detail =
      status === 404 ? '请求的地址或记录不存在' : status === 429 ? '请求过于频繁，请一分钟后再试' : undefined;
    // Terminus answers an unhealthy check with a 503 whose response lists each indicator.
    const checks = status === 503 ? exception.getResponse() : undefined;
    const extra =
      typeof checks === 'object' && checks !== null && 'status' in checks ? { ...base, checks } : base;
    return { status, body: problem(code, status, detail, extra), unexpected: status > 503 || status === 500 };
  }

  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code = STATUS_CODES[statusCode] ?? ErrorCode.MalformedBody;
    return { status: statusCode, body: problem(code, statusCode, undefined, base), unexpected: false };
  }

  return { status: 500, body: problem(ErrorCode.Internal, 500, undefined, base), unexpected: true };
}

export const PROBLEM_CONTENT_TYPE_UTF8 = `${PROBLEM_CONTENT_TYPE}; charset=utf-8`;
