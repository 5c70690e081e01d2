/**
 * Low-score cases (客户回访): a low score opens a case for the consultant, who must call the
 * customer within caseDueHours and record what was done: open → contacted → resolved.
 */
import type { StaffRole } from '../staff/staff.types.js';
import type { CaseStatus, SurveyPolicy } from './survey.types.js';

const MS_PER_HOUR = 3_600_000;

export function caseDueAt(openedAt: Date, policy: SurveyPolicy): Date {
  return new Date(openedAt.getTime() + policy.caseDueHours * MS_PER_HOUR);
}

/** contacted → contacted adds another note (a second call); a resolved case is closed for good. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['contacted', 'resolved'],
  contacted: ['contacted', 'resolved'],
  resolved: [],
};

export function decideCaseTransition(
  from: CaseStatus,
  to: CaseStatus,
): { allowed: true } | { allowed: false; reason: string } {
  if (NEXT[from].includes(to)) return { allowed: true };
  if (from === 'resolved') return { allowed: false, reason: '回访已解决，不能再修改' };
  return { allowed: false, reason: '回访不能改回待联系' };
}

/** Not resolved and past due, or resolved after the due time (it stays red in the record). */
export function isCaseOverdue(
  c: { status: CaseStatus; dueAt: Date; resolvedAt: Date | null },
  now: Date,
): boolean {
  const due = c.dueAt.getTime();
  if (c.status === 'resolved') return c.resolvedAt !== null && c.resolvedAt.getTime() > due;
  return now.getTime() > due;
}

/** Share (0–1) of resolved cases resolved by their due time; null when none is resolved. */
export function closedOnTimeRate(
  cases: Array<{ status: CaseStatus; dueAt: Date; resolvedAt: Date | null }>,
): number | null {
  const resolved = cases.filter((c) => c.status === 'resolved' && c.resolvedAt !== null);
  if (resolved.length === 0) return null;
  const onTime = resolved.filter((c) => c.resolvedAt!.getTime() <= c.dueAt.getTime()).length;
  return onTime / resolved.length;
}

/**
 * Whether a member of staff may record a call on or close a low-score case: managers and admins
 * any case in their scope (store scope is checked apart), a consultant only the cases they own.
 */
export function canWorkLowScoreCase(staff: { id: number; role: StaffRole }, ownerId: number | null): boolean {
  if (staff.role !== 'consultant') return true;
  return ownerId === staff.id;
}
