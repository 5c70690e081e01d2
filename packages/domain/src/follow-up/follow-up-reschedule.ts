import { tasksForEvent } from './follow-up-rules.js';
import { FOLLOW_UP_EVENT_SOURCE } from './follow-up.types.js';
import type {
  FollowUpSourceChange,
  FollowUpTask,
  FollowUpTaskKind,
  FollowUpTaskRecord,
  FollowUpTaskUpdate,
} from './follow-up.types.js';

/**
 * Kinds planned again after a reschedule even when done before: a new delivery date needs the
 * customer's confirmation again (DESIGN: a delay returns to scheduling). Other done calls stay done.
 */
const REPEAT_ON_RESCHEDULE: readonly FollowUpTaskKind[] = ['delivery_t3_call', 'delivery_t1_call'];

const sameTime = (a: Date | undefined, b: Date | undefined): boolean => a?.getTime() === b?.getTime();

/**
 * What a change of the source event does to its tasks. Only pending tasks move or are cancelled;
 * done and cancelled ones are history. A reschedule re-plans the event: a pending task whose kind
 * is still planned moves, one no longer planned (a T-3 window already over) is cancelled, and a
 * newly needed kind is created.
 */
export function tasksAfterSourceChange(
  existingTasks: readonly FollowUpTaskRecord[],
  change: FollowUpSourceChange,
): { updates: FollowUpTaskUpdate[]; creates: FollowUpTask[] } {
  const sourceType =
    change.type === 'rescheduled' ? FOLLOW_UP_EVENT_SOURCE[change.event.type] : change.sourceType;
  const sourceId = change.type === 'rescheduled' ? change.event.sourceId : change.sourceId;
  const ofSource = existingTasks.filter((t) => t.sourceType === sourceType && t.sourceId === sourceId);
  const pending = ofSource.filter((t) => t.status === 'pending');

  if (change.type === 'cancelled') {
    const kinds = change.kinds;
    return {
      updates: pending
        .filter((t) => !kinds || kinds.includes(t.kind))
        .map((t): FollowUpTaskUpdate => ({ id: t.id, change: 'cancel' })),
      creates: [],
    };
  }

  const planned = tasksForEvent(change.event, change.context);
  const updates: FollowUpTaskUpdate[] = [];
  const unmatched = [...planned];
  for (const existing of pending) {
    const index = unmatched.findIndex((p) => p.kind === existing.kind);
    const plan = index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
    if (!plan) {
      updates.push({ id: existing.id, change: 'cancel' });
    } else if (!sameTime(plan.dueAt, existing.dueAt) || !sameTime(plan.windowStart, existing.windowStart)) {
      updates.push({
        id: existing.id,
        change: 'move',
        dueAt: plan.dueAt,
        ...(plan.windowStart ? { windowStart: plan.windowStart } : {}),
      });
    }
  }
  const creates = unmatched.filter(
    (plan) =>
      REPEAT_ON_RESCHEDULE.includes(plan.kind) ||
      !ofSource.some((t) => t.kind === plan.kind && t.status === 'done'),
  );
  return { updates, creates };
}
