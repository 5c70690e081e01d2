import { ApiError } from '@dealer-care/api-client';
import {
  ErrorCode,
  isProblemDetails,
  type FieldError,
  type ProblemDetails,
  type SlotTakenProblemExtension,
  type TimeSlot,
} from '@dealer-care/domain';

function problemOf(error: unknown): ProblemDetails | null {
  if (error instanceof ApiError) return error.problem;
  const problem = (error as { problem?: unknown } | null)?.problem;
  return isProblemDetails(problem) ? problem : null;
}

/** A message to show for a failed call: the server's problem title, in Chinese. */
export function errorTitle(error: unknown): string {
  return problemOf(error)?.title ?? '出了点问题，请稍后重试';
}

/** The most specific Chinese message of a failed call: the problem's detail, else its title. */
export function errorMessage(error: unknown): string {
  const problem = problemOf(error);
  return problem?.detail || problem?.title || '出了点问题，请稍后重试';
}

/** The customer must log in (again). */
export function isUnauthenticated(error: unknown): boolean {
  const problem = problemOf(error);
  return (
    problem?.status === 401 ||
    problem?.code === ErrorCode.Unauthenticated ||
    problem?.code === ErrorCode.TokenExpired
  );
}

/**
 * No answer came back, or the server failed before deciding (5xx): the request may or may not have
 * been carried out, so a retry must reuse the same idempotency key.
 */
export function isRetryable(error: unknown): boolean {
  const problem = problemOf(error);
  if (!problem) return true;
  return problem.code === ErrorCode.NetworkError || problem.status === 0 || problem.status >= 500;
}

/**
 * 409 for a slot that was just taken, recognised by its `suggestedSlots` (the nearest free slots,
 * maybe none). Other conflicts (no test-drive car of the model, an overlapping booking) have none.
 */
export function slotTaken(error: unknown): { suggestedSlots: TimeSlot[] } | null {
  const problem = problemOf(error);
  if (!problem || problem.status !== 409) return null;
  const { suggestedSlots } = problem as ProblemDetails & Partial<SlotTakenProblemExtension>;
  return Array.isArray(suggestedSlots) ? { suggestedSlots } : null;
}

/** The problem's per-field rows, keyed by the top-level field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  const rows: FieldError[] = problemOf(error)?.errors ?? [];
  const out: Record<string, string> = {};
  for (const row of rows) {
    const field = row.field.split('.')[0] ?? row.field;
    if (!(field in out)) out[field] = row.message;
  }
  return out;
}
