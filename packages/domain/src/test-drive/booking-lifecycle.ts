/**
 * The test-drive booking lifecycle. decideBookingAction is the one place that decides whether an
 * actor may take an action on a booking now; the API enforces it and the clients offer only
 * what it allows (allowedBookingActions).
 */
import {
  BOOKING_ACTIONS,
  BOOKING_ACTION_LABEL_ZH,
  BOOKING_STATUS_LABEL_ZH,
  CAR_HOLDING_STATUSES,
  FINAL_BOOKING_STATUSES,
} from './booking.types.js';
import type { BookingAction, BookingActor, BookingPolicy, BookingStatus } from './booking.types.js';

const MS_PER_MINUTE = 60_000;

/** Check-in opens this long before the slot starts and closes when the slot ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

export const CUSTOMER_BOOKING_ACTIONS: readonly BookingAction[] = [
  'cancel',
  'reschedule',
  'accept_proposal',
  'decline_proposal',
];

export const STAFF_BOOKING_ACTIONS: readonly BookingAction[] = [
  'confirm',
  'reject',
  'propose',
  'check_in',
  'complete',
  'mark_no_show',
  'cancel_by_store',
];

export const SYSTEM_BOOKING_ACTIONS: readonly BookingAction[] = ['mark_no_show'];

/** What the lifecycle needs to know about a booking. */
export interface BookingSnapshot {
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  storeId: number;
  customerId: number;
  rescheduleCount: number;
  /** A time proposed by the store, awaiting the customer's answer. */
  proposal: { startsAt: string } | null;
}

export type BookingDenialReason =
  | 'not_owner'
  | 'out_of_store'
  | 'wrong_actor'
  | 'wrong_state'
  | 'past_cutoff'
  | 'reschedule_limit'
  | 'no_proposal'
  | 'too_early'
  | 'too_late';

export type BookingDecision =
  { allowed: true } | { allowed: false; reason: BookingDenialReason; message: string };

const ALLOWED: BookingDecision = { allowed: true };

const deny = (reason: BookingDenialReason, message: string): BookingDecision => ({
  allowed: false,
  reason,
  message,
});

export function isFinalBookingStatus(status: BookingStatus): boolean {
  return FINAL_BOOKING_STATUSES.includes(status);
}

/** Whether a booking in this status holds a test-drive car for its slot. */
export function holdsCar(status: BookingStatus): boolean {
  return CAR_HOLDING_STATUSES.includes(status);
}

/** "2小时", "90分钟": whole hours when the duration is a whole number of hours. */
export function formatDurationZh(minutes: number): string {
  return minutes % 60 === 0 && minutes >= 60 ? `${minutes / 60}小时` : `${minutes}分钟`;
}

const actionsOf = (actor: BookingActor): readonly BookingAction[] =>
  actor.kind === 'customer'
    ? CUSTOMER_BOOKING_ACTIONS
    : actor.kind === 'staff'
      ? STAFF_BOOKING_ACTIONS
      : SYSTEM_BOOKING_ACTIONS;

/** Statuses in which each action can be taken (time and count rules come on top). */
const FROM_STATUSES: Record<BookingAction, readonly BookingStatus[]> = {
  cancel: ['requested', 'confirmed'],
  reschedule: ['requested', 'confirmed'],
  accept_proposal: ['requested', 'confirmed'],
  decline_proposal: ['requested', 'confirmed'],
  confirm: ['requested'],
  reject: ['requested'],
  propose: ['requested', 'confirmed'],
  check_in: ['confirmed'],
  complete: ['checked_in'],
  mark_no_show: ['requested', 'confirmed'],
  cancel_by_store: ['requested', 'confirmed'],
};

function wrongActorMessage(actor: BookingActor, action: BookingAction): string {
  const label = BOOKING_ACTION_LABEL_ZH[action];
  if (actor.kind === 'customer') return `“${label}”须由门店操作`;
  if (CUSTOMER_BOOKING_ACTIONS.includes(action)) return `“${label}”须由客户本人操作`;
  return `系统不能执行“${label}”`;
}

/**
 * Whether `actor` may take `action` on `booking` at `now`. Checked in this order: ownership or
 * store scope, actor kind, status, then the action's time and count rules.
 */
export function decideBookingAction(
  booking: BookingSnapshot,
  actor: BookingActor,
  action: BookingAction,
  policy: BookingPolicy,
  now: Date,
): BookingDecision {
  if (actor.kind === 'customer' && actor.customerId !== booking.customerId) {
    return deny('not_owner', '未找到该预约');
  }
  if (actor.kind === 'staff' && actor.role !== 'admin' && actor.storeId !== booking.storeId) {
    return deny('out_of_store', '只能处理本门店的预约');
  }
  if (!actionsOf(actor).includes(action)) return deny('wrong_actor', wrongActorMessage(actor, action));

  const label = BOOKING_ACTION_LABEL_ZH[action];
  if (!FROM_STATUSES[action].includes(booking.status)) {
    return deny('wrong_state', `预约${BOOKING_STATUS_LABEL_ZH[booking.status]}，不能${label}`);
  }

  const at = now.getTime();
  const startsAt = Date.parse(booking.startsAt);
  const endsAt = Date.parse(booking.endsAt);
  const withinReschedules = booking.rescheduleCount < policy.maxReschedules;
  const rescheduleLimit = (): BookingDecision =>
    deny('reschedule_limit', `每个预约最多改期${policy.maxReschedules}次，如需再改请致电门店`);

  switch (action) {
    case 'cancel':
    case 'reschedule': {
      if (!(at < startsAt - policy.customerCutoffMinutes * MS_PER_MINUTE)) {
        const verb = action === 'cancel' ? '取消' : '修改';
        return deny(
          'past_cutoff',
          policy.customerCutoffMinutes > 0
            ? `距离试驾开始已不足${formatDurationZh(policy.customerCutoffMinutes)}，请致电门店${verb}`
            : `试驾时间已到，请致电门店${verb}`,
        );
      }
      if (action === 'reschedule' && !withinReschedules) return rescheduleLimit();
      return ALLOWED;
    }
    case 'accept_proposal':
    case 'decline_proposal': {
      if (!booking.proposal) return deny('no_proposal', '门店没有待您确认的新时间');
      if (action === 'decline_proposal') return ALLOWED;
      if (!withinReschedules) return rescheduleLimit();
      if (!(Date.parse(booking.proposal.startsAt) >= at + policy.minNoticeMinutes * MS_PER_MINUTE)) {
        return deny('too_late', '门店建议的时间已临近或已过，请联系门店重新安排');
      }
      return ALLOWED;
    }
    case 'confirm':
      return booking.proposal ? deny('wrong_state', '已向客户建议新的时间，请等待客户答复') : ALLOWED;
    case 'reject':
    case 'complete':
      return ALLOWED;
    case 'propose':
      return at < startsAt ? ALLOWED : deny('too_late', '试驾时间已到，不能再建议其他时间');
    case 'check_in':
      if (at < startsAt - CHECK_IN_OPENS_MINUTES_BEFORE * MS_PER_MINUTE) {
        return deny(
          'too_early',
          `试驾开始前${formatDurationZh(CHECK_IN_OPENS_MINUTES_BEFORE)}内才能到店登记`,
        );
      }
      return at < endsAt ? ALLOWED : deny('too_late', '试驾时段已结束，不能再到店登记');
    case 'mark_no_show':
      return at >= endsAt ? ALLOWED : deny('too_early', '试驾时段结束后才能标记未到店');
    case 'cancel_by_store':
      return at < endsAt ? ALLOWED : deny('too_late', '试驾时段已结束，不能再取消，请标记未到店');
  }
}

/** The actions `actor` may take now, in BOOKING_ACTIONS order. */
export function allowedBookingActions(
  booking: BookingSnapshot,
  actor: BookingActor,
  policy: BookingPolicy,
  now: Date,
): BookingAction[] {
  return BOOKING_ACTIONS.filter((action) => decideBookingAction(booking, actor, action, policy, now).allowed);
}

/** The status after an allowed action. */
export function nextBookingStatus(status: BookingStatus, action: BookingAction): BookingStatus {
  switch (action) {
    case 'cancel':
    case 'cancel_by_store':
      return 'cancelled';
    case 'reschedule':
      return 'requested';
    case 'accept_proposal':
    case 'confirm':
      return 'confirmed';
    case 'decline_proposal':
    case 'propose':
      return status;
    case 'reject':
      return 'rejected';
    case 'check_in':
      return 'checked_in';
    case 'complete':
      return 'completed';
    case 'mark_no_show':
      return 'no_show';
  }
}
