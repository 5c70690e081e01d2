import { ApiError } from '@dealer-care/api-client';
import { ErrorCode, errorCodeTitle, isProblemDetails, type ProblemDetails } from '@dealer-care/domain';

/** The problem behind any error a query or mutation rejects with. */
export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof ApiError) return error.problem;
  if (
    typeof error === 'object' &&
    error !== null &&
    isProblemDetails((error as { problem?: unknown }).problem)
  ) {
    return (error as { problem: ProblemDetails }).problem;
  }
  return {
    type: 'about:blank',
    title: errorCodeTitle[ErrorCode.Internal],
    status: 0,
    code: ErrorCode.Internal,
  };
}

/** Retry only what may succeed later: network failures and 5xx, twice at most. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  const { status, code } = problemOf(error);
  if (code === ErrorCode.NetworkError) return true;
  return status >= 500;
}
