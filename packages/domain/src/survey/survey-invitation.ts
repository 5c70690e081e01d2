/**
 * The life of an invitation: when it goes out, whether the contact budget lets it out, when it is
 * reminded and expires, and which actions each status allows. The dispatcher and the customer API
 * both go through decideInvitationAction, so a completed survey can never be answered twice.
 */
import { addDays, utcToZoned, zonedToUtc } from '../time/zoned-time.js';
import type {
  InvitationAction,
  InvitationHoldReason,
  InvitationStatus,
  SurveyEventType,
  SurveyPolicy,
} from './survey.types.js';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/**
 * A service survey goes out this long after the car is collected (the customer is home by then).
 * The test-drive feedback form goes out at once: DOMAIN has the customer fill it in back in the
 * showroom, right after the drive.
 */
export const SURVEY_SEND_DELAY_HOURS = 2;
/** A hold for a missing WeChat link or an open complaint is looked at again after this long. */
export const SURVEY_HOLD_RETRY_DAYS = 1;

const ANSWERABLE: readonly InvitationStatus[] = ['sent', 'opened', 'started'];
const UNSENT: readonly InvitationStatus[] = ['scheduled', 'held'];

/** Where each action may start, and where it leads. */
const TRANSITIONS: Record<InvitationAction, Partial<Record<InvitationStatus, InvitationStatus>>> = {
  release: { scheduled: 'sent', held: 'sent' },
  hold: { scheduled: 'held', held: 'held' },
  drop: { scheduled: 'dropped', held: 'dropped' },
  remind: { sent: 'sent', opened: 'opened', started: 'started' },
  open: { sent: 'opened', opened: 'opened', started: 'started' },
  save_progress: { sent: 'started', opened: 'started', started: 'started' },
  submit: { sent: 'completed', opened: 'completed', started: 'completed' },
  expire: { sent: 'expired', opened: 'expired', started: 'expired' },
};

/** Why nothing can happen from a status; the refusal depends only on where the invitation is. */
function refusal(status: InvitationStatus): string {
  switch (status) {
    case 'completed':
      return '问卷已提交';
    case 'expired':
      return '问卷已过期';
    case 'dropped':
      return '问卷已取消发送';
    case 'scheduled':
    case 'held':
      return '问卷尚未发送';
    default:
      return '问卷已发送';
  }
}

export function decideInvitationAction(
  status: InvitationStatus,
  action: InvitationAction,
): { allowed: true; next: InvitationStatus } | { allowed: false; reason: string } {
  const next = TRANSITIONS[action][status];
  return next ? { allowed: true, next } : { allowed: false, reason: refusal(status) };
}

/** Whether the customer can still open and answer it. */
export function isInvitationAnswerable(status: InvitationStatus): boolean {
  return ANSWERABLE.includes(status);
}

/** Whether it has not reached the customer yet (and may still be held or dropped). */
export function isInvitationUnsent(status: InvitationStatus): boolean {
  return UNSENT.includes(status);
}

/**
 * When an invitation should go out. A test drive or a service visit is asked about while fresh;
 * a delivery (and a lost prospect) the next store-local day at the policy's time, once the
 * customer has lived with the car for a night (and not late in the evening of a long day).
 */
export function invitationSendAt(
  eventType: SurveyEventType,
  eventAt: Date,
  timeZone: string,
  policy: SurveyPolicy,
): Date {
  switch (eventType) {
    case 'test_drive_completed':
      return new Date(eventAt.getTime());
    case 'service_completed':
      return new Date(eventAt.getTime() + SURVEY_SEND_DELAY_HOURS * MS_PER_HOUR);
    case 'order_delivered':
    case 'prospect_lost': {
      const localDate = utcToZoned(eventAt, timeZone).date;
      return zonedToUtc(addDays(localDate, 1), policy.deliverySendTime, timeZone);
    }
  }
}

export type ReleaseDecision =
  | { kind: 'wait' }
  | { kind: 'send' }
  | { kind: 'hold'; reason: InvitationHoldReason; retryAt: Date }
  | { kind: 'drop'; reason: InvitationHoldReason };

/**
 * What to do with a scheduled or held invitation now. Blocks are checked in order: no WeChat
 * customer to send to, an open complaint (never survey an upset customer), then the contact
 * budget (one survey per customer in contactGapDays, whatever its kind). Anything still blocked
 * maxHoldDays after its send time is dropped: the experience is too old to ask about.
 */
export function decideRelease(input: {
  now: Date;
  sendAt: Date;
  customerLinked: boolean;
  lastSurveySentAt: Date | null;
  hasOpenComplaint: boolean;
  policy: SurveyPolicy;
}): ReleaseDecision {
  const { now, sendAt, policy } = input;
  const nowMs = now.getTime();
  if (nowMs < sendAt.getTime()) return { kind: 'wait' };

  const retryTomorrow = new Date(nowMs + SURVEY_HOLD_RETRY_DAYS * MS_PER_DAY);
  const budgetEndsAt =
    input.lastSurveySentAt === null
      ? null
      : new Date(input.lastSurveySentAt.getTime() + policy.contactGapDays * MS_PER_DAY);
  let hold: { reason: InvitationHoldReason; retryAt: Date } | null = null;
  if (!input.customerLinked) hold = { reason: 'no_wechat_customer', retryAt: retryTomorrow };
  else if (input.hasOpenComplaint) hold = { reason: 'open_complaint', retryAt: retryTomorrow };
  else if (budgetEndsAt !== null && nowMs < budgetEndsAt.getTime())
    hold = { reason: 'contact_budget', retryAt: budgetEndsAt };
  if (!hold) return { kind: 'send' };

  if (nowMs >= sendAt.getTime() + policy.maxHoldDays * MS_PER_DAY)
    return { kind: 'drop', reason: 'held_too_long' };
  return { kind: 'hold', ...hold };
}

/** The token stops working this long after sending. */
export function invitationExpiresAt(sentAt: Date, policy: SurveyPolicy): Date {
  return new Date(sentAt.getTime() + policy.expiryDays * MS_PER_DAY);
}

/** One reminder, reminderAfterDays after sending, while it is still answerable and not expired. */
export function reminderDue(input: {
  now: Date;
  sentAt: Date;
  remindedAt: Date | null;
  status: InvitationStatus;
  policy: SurveyPolicy;
}): boolean {
  const { now, sentAt, policy } = input;
  if (input.remindedAt !== null || !isInvitationAnswerable(input.status)) return false;
  const nowMs = now.getTime();
  return (
    nowMs >= sentAt.getTime() + policy.reminderAfterDays * MS_PER_DAY &&
    nowMs < invitationExpiresAt(sentAt, policy).getTime()
  );
}
