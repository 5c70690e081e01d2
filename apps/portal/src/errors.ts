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

/** The sentence to show for a failed call: the server's detail when it gave one, else its title. */
export function problemText(error: unknown): string {
  const problem = problemOf(error);
  return problem.detail ?? problem.title;
}

/** The server's field errors for the given form fields, as antd `form.setFields` wants them. */
export function fieldErrorsOf(
  error: unknown,
  fields: readonly string[],
): Array<{ name: string; errors: string[] }> {
  const byField = new Map<string, string[]>();
  for (const { field, message } of problemOf(error).errors ?? []) {
    if (!fields.includes(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
