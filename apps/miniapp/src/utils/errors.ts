import { ApiError } from '@dealer-care/api-client';
import { isProblemDetails } from '@dealer-care/domain';

/** A message to show for a failed call: the server's problem title, in Chinese. */
export function errorTitle(error: unknown): string {
  if (error instanceof ApiError) return error.problem.title;
  const problem = (error as { problem?: unknown } | null)?.problem;
  if (isProblemDetails(problem)) return problem.title;
  return '出了点问题，请稍后重试';
}
