import type { ErrorCode } from './error-code.js';

/** One invalid field of a request, with a Chinese message. */
export interface FieldError {
  /** Dotted path of the field in the request body or query, e.g. `openingHours.0.opens`. */
  field: string;
  message: string;
}

/**
 * RFC 9457 problem details, as every API error is answered (`application/problem+json`).
 * `title` and `detail` are Simplified Chinese and readable by a customer.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  /** Request id, to quote to support; matches the server log line. */
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.title === 'string' && typeof v.code === 'string';
}

/** The problem `type` URI for a code; stable, documented in the API reference. */
export function problemType(code: ErrorCode): string {
  return `https://dealer-care.cn/problems/${code.replace(/_/g, '-')}`;
}
