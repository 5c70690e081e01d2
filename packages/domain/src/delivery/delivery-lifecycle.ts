/**
 * The delivery lifecycle. decideDeliveryAction is the one place that decides whether an actor may
 * take an action on an order now; the API enforces it and the clients offer only what it allows.
 *
 * scheduling → date_confirmed → ready → delivered; the customer may ask for other dates (back to
 * scheduling); a delay declared by the store returns to scheduling with new options and needs the
 * customer's confirmation again.
 */
import { canAccessStore } from '../staff/staff.types.js';
import { localDateIn } from '../time/local-date.js';
import { daysBetween, utcToZoned } from '../time/zoned-time.js';
import {
  DELIVERY_ACTIONS,
  type ChecklistItem,
  type ConfirmationDue,
  type ConfirmationStage,
  type DeliveryAction,
  type DeliveryActor,
  type DeliveryStatus,
  type TickableChecklistKind,
} from './delivery.types.js';

export const CUSTOMER_DELIVERY_ACTIONS: readonly DeliveryAction[] = [
  'choose_date',
  'request_other_dates',
  'confirm_attendance',
];

export const STAFF_DELIVERY_ACTIONS: readonly DeliveryAction[] = [
  'offer_dates',
  'record_call',
  'tick_checklist',
  'mark_ready',
  'declare_delay',
  'deliver',
  'cancel_order',
];

export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'cancelled'];

/** What the lifecycle needs to know about an order. */
export interface DeliverySnapshot {
  status: DeliveryStatus;
  storeId: number;
  storeTimeZone: string;
  /** Null until the order is linked to a WeChat customer. */
  customerId: number | null;
  /** Start instants of the dates currently offered. */
  dateOptions: readonly string[];
  /** The agreed appointment, if any. */
  scheduledAt: string | null;
  checklists: Record<TickableChecklistKind, readonly Pick<ChecklistItem, 'done'>[]>;
  confirmations: readonly {
    stage: ConfirmationStage;
    scheduledAt: string;
    outcome: 'confirmed' | 'not_reached';
  }[];
}

export type DeliveryDenialReason =
  | 'not_owner'
  | 'out_of_store'
  | 'wrong_actor'
  | 'wrong_state'
  | 'no_options'
  | 'too_late'
  | 'not_in_window'
  | 'already_confirmed'
  | 'checklist_incomplete';

export type DeliveryDecision =
  { allowed: true } | { allowed: false; reason: DeliveryDenialReason; message: string };

const ALLOWED: DeliveryDecision = { allowed: true };
const deny = (reason: DeliveryDenialReason, message: string): DeliveryDecision => ({
  allowed: false,
  reason,
  message,
});

export function isFinalDeliveryStatus(status: DeliveryStatus): boolean {
  return FINAL_DELIVERY_STATUSES.includes(status);
}

/**
 * Which confirmation a delivery on `deliveryDate` is due on `today` (both store-local): the T-3
 * call runs from three days before until two days before, the T-1 call the day before.
 */
export function confirmationStage(deliveryDate: string, today: string): ConfirmationStage | null {
  const days = daysBetween(today, deliveryDate);
  if (days === 1) return 'T-1';
  if (days === 2 || days === 3) return 'T-3';
  return null;
}

/** The store-local date of the appointment. */
export function scheduledLocalDate(
  snapshot: Pick<DeliverySnapshot, 'scheduledAt' | 'storeTimeZone'>,
): string | null {
  return snapshot.scheduledAt
    ? utcToZoned(new Date(snapshot.scheduledAt), snapshot.storeTimeZone).date
    : null;
}

/** Today's confirmation for the current appointment, or null when none is due today. */
export function confirmationDue(snapshot: DeliverySnapshot, now: Date): ConfirmationDue | null {
  if (snapshot.status !== 'date_confirmed' && snapshot.status !== 'ready') return null;
  const date = scheduledLocalDate(snapshot);
  if (!date || !snapshot.scheduledAt) return null;
  const stage = confirmationStage(date, localDateIn(snapshot.storeTimeZone, now));
  if (!stage) return null;
  const current = new Date(snapshot.scheduledAt).getTime();
  const ofStage = snapshot.confirmations.filter(
    (entry) => entry.stage === stage && new Date(entry.scheduledAt).getTime() === current,
  );
  return {
    stage,
    done: ofStage.some((entry) => entry.outcome === 'confirmed'),
    lastCallNotReached: ofStage.at(-1)?.outcome === 'not_reached',
  };
}

export function isChecklistComplete(items: readonly Pick<ChecklistItem, 'done'>[]): boolean {
  return items.every((item) => item.done);
}

/** PDI items are ticked while the car is prepared; the handover list on the day, once the car is ready. */
export function checklistEditable(status: DeliveryStatus, kind: TickableChecklistKind): boolean {
  return kind === 'pdi' ? status === 'scheduling' || status === 'date_confirmed' : status === 'ready';
}

export function nextDeliveryStatus(from: DeliveryStatus, action: DeliveryAction): DeliveryStatus {
  switch (action) {
    case 'choose_date':
      return 'date_confirmed';
    case 'request_other_dates':
    case 'offer_dates':
    case 'declare_delay':
      return 'scheduling';
    case 'mark_ready':
      return 'ready';
    case 'deliver':
      return 'delivered';
    case 'cancel_order':
      return 'cancelled';
    default:
      return from;
  }
}

function decideForCustomer(snapshot: DeliverySnapshot, action: DeliveryAction, now: Date): DeliveryDecision {
  const { status } = snapshot;
  const today = localDateIn(snapshot.storeTimeZone, now);
  const date = scheduledLocalDate(snapshot);
  switch (action) {
    case 'choose_date':
      if (status !== 'scheduling') return deny('wrong_state', '交车时间已确定，如需调整请申请其他时间');
      if (snapshot.dateOptions.length === 0) return deny('no_options', '门店尚未提供可选的交车时间');
      return ALLOWED;
    case 'request_other_dates':
      if (status === 'scheduling') {
        return snapshot.dateOptions.length > 0
          ? ALLOWED
          : deny('no_options', '门店正在重新安排交车时间，请稍候');
      }
      if (status !== 'date_confirmed' && status !== 'ready')
        return deny('wrong_state', '当前状态不能申请其他时间');
      if (date && daysBetween(today, date) < 1) {
        return deny('too_late', '交车当天如需改期，请直接致电门店');
      }
      return ALLOWED;
    case 'confirm_attendance': {
      if (status !== 'date_confirmed' && status !== 'ready')
        return deny('wrong_state', '交车时间确定后才能确认到店');
      const due = confirmationDue(snapshot, now);
      if (!due) return deny('not_in_window', '交车前3天内可确认按时到店');
      if (due.done) return deny('already_confirmed', '您已确认按时到店');
      return ALLOWED;
    }
    default:
      return deny('wrong_actor', '该操作仅限门店人员');
  }
}

function decideForStaff(
  snapshot: DeliverySnapshot,
  action: DeliveryAction,
  now: Date,
  kind: TickableChecklistKind | undefined,
): DeliveryDecision {
  const { status } = snapshot;
  switch (action) {
    case 'offer_dates':
      if (status !== 'scheduling') {
        return deny('wrong_state', '客户已确认交车时间；如需调整请登记交车延期');
      }
      return ALLOWED;
    case 'record_call': {
      if (status !== 'date_confirmed' && status !== 'ready')
        return deny('wrong_state', '交车时间确定后才需电话确认');
      const due = confirmationDue(snapshot, now);
      if (!due) return deny('not_in_window', '今天不是交车前3天或前1天，无需电话确认');
      if (due.done) return deny('already_confirmed', '客户已确认按时到店');
      return ALLOWED;
    }
    case 'tick_checklist': {
      const kinds: TickableChecklistKind[] = kind ? [kind] : ['pdi', 'handover'];
      if (kinds.some((candidate) => checklistEditable(status, candidate))) return ALLOWED;
      return kind === 'handover'
        ? deny('wrong_state', '车辆备妥后才能进行交接')
        : deny('wrong_state', '车辆已备妥或订单已结束，检查项不能再修改');
    }
    case 'mark_ready':
      if (status !== 'date_confirmed') {
        return deny('wrong_state', status === 'scheduling' ? '客户尚未确认交车时间' : '当前状态不能标记备妥');
      }
      if (!isChecklistComplete(snapshot.checklists.pdi)) {
        return deny('checklist_incomplete', '交车前检查（PDI）尚未全部完成');
      }
      return ALLOWED;
    case 'declare_delay':
      if (status !== 'date_confirmed' && status !== 'ready') {
        return deny('wrong_state', '只有已确认的交车时间才能登记延期；待定时请直接提供新时间');
      }
      return ALLOWED;
    case 'deliver':
      if (status !== 'ready') return deny('wrong_state', '车辆尚未备妥（交车前检查未完成），不能交车');
      if (!isChecklistComplete(snapshot.checklists.handover)) {
        return deny('checklist_incomplete', '交车交接单尚未全部勾选');
      }
      return ALLOWED;
    case 'cancel_order':
      return ALLOWED;
    default:
      return deny('wrong_actor', '该操作需由客户本人完成');
  }
}

/**
 * Whether `actor` may take `action` on the order now. `checklistKind` narrows tick_checklist to
 * one list. Foreign orders are denied before anything else could tell that they exist.
 */
export function decideDeliveryAction(
  snapshot: DeliverySnapshot,
  actor: DeliveryActor,
  action: DeliveryAction,
  now: Date,
  checklistKind?: TickableChecklistKind,
): DeliveryDecision {
  if (actor.kind === 'customer' && snapshot.customerId !== actor.customerId) {
    return deny('not_owner', '未找到该订单');
  }
  if (
    actor.kind === 'staff' &&
    !canAccessStore({ role: actor.role, storeId: actor.storeId }, snapshot.storeId)
  ) {
    return deny('out_of_store', '未找到该订单');
  }
  if (isFinalDeliveryStatus(snapshot.status)) {
    return deny('wrong_state', snapshot.status === 'delivered' ? '车辆已交付，订单已完成' : '订单已取消');
  }
  return actor.kind === 'customer'
    ? decideForCustomer(snapshot, action, now)
    : decideForStaff(snapshot, action, now, checklistKind);
}

/** The actions the actor may take now, in the canonical order. */
export function allowedDeliveryActions(
  snapshot: DeliverySnapshot,
  actor: DeliveryActor,
  now: Date,
): DeliveryAction[] {
  const own = actor.kind === 'customer' ? CUSTOMER_DELIVERY_ACTIONS : STAFF_DELIVERY_ACTIONS;
  return DELIVERY_ACTIONS.filter(
    (action) => own.includes(action) && decideDeliveryAction(snapshot, actor, action, now).allowed,
  );
}
