import {
  BOOKING_ACTION_LABEL_ZH,
  type BookingAction,
  type CheckInBookingRequest,
  type ConfirmBookingRequest,
  type ProposeBookingRequest,
  type RejectBookingRequest,
  type StoreCancelBookingRequest,
  type TestDriveBooking,
} from '@dealer-care/domain';
import { commandSender } from '../../commands';

/** The actions a member of staff takes in the portal, in the order their buttons appear. */
export const STAFF_ACTIONS = [
  'confirm',
  'check_in',
  'complete',
  'propose',
  'reject',
  'mark_no_show',
  'cancel_by_store',
] as const satisfies readonly BookingAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export type ActionModal = 'confirm' | 'reject' | 'propose' | 'check-in' | 'cancel';

/** How an action is taken: a form in a modal, or one click behind a short confirmation. */
export type ActionUi =
  { kind: 'modal'; modal: ActionModal } | { kind: 'popconfirm'; title: string; description: string };

export const ACTION_UI: Record<StaffAction, ActionUi> = {
  confirm: { kind: 'modal', modal: 'confirm' },
  reject: { kind: 'modal', modal: 'reject' },
  propose: { kind: 'modal', modal: 'propose' },
  check_in: { kind: 'modal', modal: 'check-in' },
  cancel_by_store: { kind: 'modal', modal: 'cancel' },
  complete: { kind: 'popconfirm', title: '完成试驾', description: '确认客户已完成本次试驾？' },
  mark_no_show: {
    kind: 'popconfirm',
    title: '标记未到店',
    description: '客户未按时到店，确认标记为未到店？',
  },
};

export const ACTION_BUTTON: Record<StaffAction, { primary?: boolean; danger?: boolean }> = {
  confirm: { primary: true },
  check_in: { primary: true },
  complete: { primary: true },
  propose: {},
  reject: { danger: true },
  mark_no_show: { danger: true },
  cancel_by_store: { danger: true },
};

export const ACTION_DONE_ZH: Record<StaffAction, string> = {
  confirm: '已确认试驾',
  reject: '已拒绝预约',
  propose: '已向客户建议新时间',
  check_in: '已完成到店登记',
  complete: '试驾已完成',
  mark_no_show: '已标记为未到店',
  cancel_by_store: '已取消预约',
};

/**
 * The buttons to show for a booking: exactly the staff actions the server allows, in a
 * fixed order. Nothing is decided here beyond the order.
 */
export function staffActionsOf(booking: Pick<TestDriveBooking, 'allowedActions'>): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => booking.allowedActions.includes(action));
}

export function actionLabel(action: StaffAction): string {
  return BOOKING_ACTION_LABEL_ZH[action];
}

/** A staff action with its request body, ready to send. */
export type StaffCommand =
  | { action: 'confirm'; body: ConfirmBookingRequest }
  | { action: 'reject'; body: RejectBookingRequest }
  | { action: 'propose'; body: ProposeBookingRequest }
  | { action: 'check_in'; body: CheckInBookingRequest }
  | { action: 'complete' }
  | { action: 'mark_no_show' }
  | { action: 'cancel_by_store'; body: StoreCancelBookingRequest };

/** The slice of the API client the commands need (the whole client satisfies it). */
export interface StaffTestDriveCommands {
  confirm(id: number, body: ConfirmBookingRequest): Promise<TestDriveBooking>;
  reject(id: number, body: RejectBookingRequest): Promise<TestDriveBooking>;
  propose(id: number, body: ProposeBookingRequest): Promise<TestDriveBooking>;
  checkIn(id: number, body: CheckInBookingRequest): Promise<TestDriveBooking>;
  complete(id: number): Promise<TestDriveBooking>;
  noShow(id: number): Promise<TestDriveBooking>;
  cancel(id: number, body: StoreCancelBookingRequest): Promise<TestDriveBooking>;
}

/** Sends a staff action on a booking: the client method for the action, with its body. */
export const sendCommand = commandSender<StaffCommand, StaffTestDriveCommands, TestDriveBooking>({
  confirm: 'confirm',
  reject: 'reject',
  propose: 'propose',
  check_in: 'checkIn',
  complete: 'complete',
  mark_no_show: 'noShow',
  cancel_by_store: 'cancel',
});

/** Last four characters of a resident ID as typed at check-in: digits, a final X allowed. */
export function normaliseLicenceLastFour(value: string): string {
  return value.trim().toUpperCase();
}

export function isLicenceLastFour(value: string): boolean {
  return /^\d{3}[\dX]$/.test(normaliseLicenceLastFour(value));
}
