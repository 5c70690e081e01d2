/**
 * What recording the result of a follow-up call does to the task: the one-tap outcomes of the
 * inbox (已接通并确认 / 未接通 / 约定时间再联系 / 客户投诉升级). Pure; the API stores the decision.
 */
import type { FieldError } from '../errors/problem-details.js';
import { isIsoDate } from '../time/zoned-time.js';
import { nextStoreOpening } from './follow-up-hours.js';
import type {
  FollowUpOutcome,
  FollowUpStoreHours,
  FollowUpTaskKind,
  FollowUpTaskStatus,
} from './follow-up.types.js';

const MS_PER_HOUR = 3_600_000;

/** A call that does not get through is tried again, but not forever: the third miss closes the task. */
export const MAX_CALL_ATTEMPTS = 3;
/** The next try after a missed call: at least this long later, within opening hours. */
export const RETRY_AFTER_HOURS = 2;
/** A call-back time the customer asks for may be at most this far ahead. */
export const CALL_BACK_MAX_DAYS = 30;
/** A promised call-back is on time within this long after the agreed moment. */
export const CALL_BACK_GRACE_MINUTES = 60;
/** A complaint reaches a manager, who calls the customer back within a day. */
export const COMPLAINT_CALLBACK_WITHIN_HOURS = 24;
/** Longest note kept with an outcome. */
export const OUTCOME_NOTE_MAX_LENGTH = 500;

/** The part of a stored task an outcome decision reads. */
export interface OutcomeTaskState {
  kind: FollowUpTaskKind;
  status: FollowUpTaskStatus;
  attempts: number;
  dueAt: Date;
  windowStart: Date | null;
}

export interface OutcomeInput {
  outcome: FollowUpOutcome;
  note?: string | null;
  /** ISO instant (or Date); only read for call_back_at. */
  callBackAt?: string | Date | null;
}

/** The task after the outcome; `complaintCallback` is the manager's new task when the call escalated. */
export interface OutcomeDecision {
  allowed: true;
  status: FollowUpTaskStatus;
  attempts: number;
  dueAt: Date;
  windowStart: Date | null;
  /** Set when the task closes; null while it stays pending. */
  outcome: FollowUpOutcome | null;
  completedAt: Date | null;
  note: string | null;
  /** Set on an escalation (the manager takes over); the caller keeps an earlier one. */
  escalatedAt: Date | null;
  complaintCallback: { dueAt: Date; windowStart: Date } | null;
}

export type OutcomeRefusal =
  | { allowed: false; reason: 'not_pending'; message: string }
  | { allowed: false; reason: 'invalid'; message: string; errors: FieldError[] };

const invalid = (field: string, message: string): OutcomeRefusal => ({
  allowed: false,
  reason: 'invalid',
  message,
  errors: [{ field, message }],
});

/** Only a full ISO instant with its offset: a bare date or local time would be read in the machine's zone. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: string | Date | null | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  // Date would roll 2026-02-30 over to March: the calendar date itself must exist.
  if (!match || !isIsoDate(match[1]!)) return null;
  const date = new Date(value!);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Decides the task's next state after a call. Only a pending task takes an outcome.
 * - reached_confirmed: done.
 * - not_reached: one more attempt; the retry opens at the first opening ≥ 2 h later. An attempt
 *   made by the due time may push the due time to the retry (the consultant kept the promise, the
 *   customer did not pick up); a late attempt leaves the task overdue. The third miss closes the
 *   task with outcome not_reached.
 * - call_back_at: the customer asked for another time (future, within 30 days): still pending,
 *   workable from that time and due within the grace after it.
 * - complaint_escalated: a note saying what the complaint is; done, escalated, and a
 *   complaint_callback for the store's manager due within 24 h (working hours).
 */
export function decideTaskOutcome(
  task: OutcomeTaskState,
  input: OutcomeInput,
  now: Date,
  store: FollowUpStoreHours,
): OutcomeDecision | OutcomeRefusal {
  if (task.status !== 'pending') return { allowed: false, reason: 'not_pending', message: '该任务已处理' };
  const note = input.note?.trim() || null;
  if (note !== null && Array.from(note).length > OUTCOME_NOTE_MAX_LENGTH) {
    return invalid('note', `备注最多${OUTCOME_NOTE_MAX_LENGTH}字`);
  }
  const attempts = task.attempts + 1;
  const base = {
    allowed: true as const,
    attempts,
    note,
    dueAt: task.dueAt,
    windowStart: task.windowStart,
    escalatedAt: null,
    complaintCallback: null,
  };
  const done = (outcome: FollowUpOutcome): OutcomeDecision => ({
    ...base,
    status: 'done',
    outcome,
    completedAt: now,
  });

  switch (input.outcome) {
    case 'reached_confirmed':
      return done('reached_confirmed');
    case 'not_reached': {
      if (attempts >= MAX_CALL_ATTEMPTS) return done('not_reached');
      const retryAt = nextStoreOpening(store, new Date(now.getTime() + RETRY_AFTER_HOURS * MS_PER_HOUR));
      const triedInTime = now.getTime() <= task.dueAt.getTime();
      const dueAt = triedInTime && retryAt > task.dueAt ? retryAt : task.dueAt;
      return { ...base, status: 'pending', outcome: null, completedAt: null, dueAt, windowStart: retryAt };
    }
    case 'call_back_at': {
      const at = parseInstant(input.callBackAt);
      if (!at) return invalid('callBackAt', '请选择约定的回访时间');
      if (at.getTime() <= now.getTime()) return invalid('callBackAt', '约定的回访时间须晚于现在');
      if (at.getTime() > now.getTime() + CALL_BACK_MAX_DAYS * 24 * MS_PER_HOUR) {
        return invalid('callBackAt', `约定的回访时间须在${CALL_BACK_MAX_DAYS}天以内`);
      }
      return {
        ...base,
        status: 'pending',
        outcome: null,
        completedAt: null,
        windowStart: at,
        dueAt: new Date(at.getTime() + CALL_BACK_GRACE_MINUTES * 60_000),
      };
    }
    case 'complaint_escalated': {
      if (note === null) return invalid('note', '请填写客户投诉的内容');
      return {
        ...done('complaint_escalated'),
        escalatedAt: now,
        complaintCallback: {
          windowStart: nextStoreOpening(store, now),
          dueAt: nextStoreOpening(
            store,
            new Date(now.getTime() + COMPLAINT_CALLBACK_WITHIN_HOURS * MS_PER_HOUR),
          ),
        },
      };
    }
  }
}
