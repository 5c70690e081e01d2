/**
 * Where a task sits in the inbox, whether it is handed to the manager, and whether it was done on
 * time. Pure: the inbox, the escalation job and the completion statistics all read these.
 */
import { utcToZoned } from '../time/zoned-time.js';
import type { InboxBucket } from './follow-up-views.js';
import type { FollowUpAssignee, FollowUpTaskStatus } from './follow-up.types.js';

export interface InboxTaskState {
  status: FollowUpTaskStatus;
  dueAt: Date;
}

/** Pending and past its due time (a task due exactly now is not late yet). */
export function isTaskOverdue(task: InboxTaskState, now: Date): boolean {
  return task.status === 'pending' && task.dueAt.getTime() < now.getTime();
}

/**
 * overdue: pending and past due; today: pending and due later on the store-local day of `now`;
 * upcoming: due on a later store-local day; closed: done or cancelled.
 */
export function inboxBucket(task: InboxTaskState, now: Date, timeZone: string): InboxBucket {
  if (task.status !== 'pending') return 'closed';
  if (isTaskOverdue(task, now)) return 'overdue';
  const today = utcToZoned(now, timeZone).date;
  return utcToZoned(task.dueAt, timeZone).date === today ? 'today' : 'upcoming';
}

export interface EscalationTaskState extends InboxTaskState {
  assigneeRole: FollowUpAssignee;
  escalatedAt: Date | null;
}

/**
 * An overdue task is handed to the store's manager once. Tasks already the manager's own
 * (low-score and complaint callbacks) have nobody above them in the store: they stay overdue.
 */
export function shouldEscalate(task: EscalationTaskState, now: Date): boolean {
  return task.assigneeRole !== 'manager' && task.escalatedAt === null && isTaskOverdue(task, now);
}

export interface CompletionState {
  status: FollowUpTaskStatus;
  dueAt: Date;
  completedAt: Date | null;
}

/** Done by the due time; null while pending, and for cancelled tasks (nobody had to call). */
export function isCompletedOnTime(task: CompletionState): boolean | null {
  if (task.status !== 'done' || task.completedAt === null) return null;
  return task.completedAt.getTime() <= task.dueAt.getTime();
}
