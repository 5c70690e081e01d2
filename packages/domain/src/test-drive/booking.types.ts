/**
 * Test-drive booking (试乘试驾预约): statuses, actions, policy and the API contract shared by
 * the API, the mini-program and the portal. Times on the wire are ISO-8601 UTC instants;
 * a store's local wall-clock time is derived from its time zone.
 */

export const BOOKING_STATUSES = [
  'requested',
  'confirmed',
  'checked_in',
  'completed',
  'rejected',
  'cancelled',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABEL_ZH: Record<BookingStatus, string> = {
  requested: '待确认',
  confirmed: '已确认',
  checked_in: '已到店',
  completed: '已完成',
  rejected: '已拒绝',
  cancelled: '已取消',
  no_show: '未到店',
};

/** Statuses in which a booking holds a test-drive car for its slot. */
export const CAR_HOLDING_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed', 'checked_in'];

/** Statuses after which nothing can happen to a booking any more. */
export const FINAL_BOOKING_STATUSES: readonly BookingStatus[] = [
  'completed',
  'rejected',
  'cancelled',
  'no_show',
];

export const BOOKING_ACTIONS = [
  // customer
  'cancel',
  'reschedule',
  'accept_proposal',
  'decline_proposal',
  // staff
  'confirm',
  'reject',
  'propose',
  'check_in',
  'complete',
  'mark_no_show',
  'cancel_by_store',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

export const BOOKING_ACTION_LABEL_ZH: Record<BookingAction, string> = {
  cancel: '取消预约',
  reschedule: '改期',
  accept_proposal: '接受新时间',
  decline_proposal: '不接受新时间',
  confirm: '确认',
  reject: '拒绝',
  propose: '建议其他时间',
  check_in: '到店登记',
  complete: '完成试驾',
  mark_no_show: '标记未到店',
  cancel_by_store: '门店取消',
};

/** Who is acting on a booking. Staff act only within their store (admins on every store). */
export type BookingActor =
  | { kind: 'customer'; customerId: number }
  | { kind: 'staff'; staffId: number; role: 'consultant' | 'manager' | 'admin'; storeId: number | null }
  | { kind: 'system' };

/** A store's booking rules. Defaults in DEFAULT_BOOKING_POLICY. */
export interface BookingPolicy {
  /** Length of one test-drive slot. */
  slotMinutes: number;
  /** Time between two drives of the same car (cleaning, fuelling). Slots start every slotMinutes + bufferMinutes. */
  bufferMinutes: number;
  /** A slot must start at least this long after now to be bookable. */
  minNoticeMinutes: number;
  /** How many days ahead, counting today, a customer can book. */
  horizonDays: number;
  /** After this many minutes before the slot starts, the customer can no longer cancel or move it online. */
  customerCutoffMinutes: number;
  /** How many times one booking may be moved (by the customer or by accepting a proposal). */
  maxReschedules: number;
  /** How many car-holding bookings one customer may have at once. */
  maxActivePerCustomer: number;
  /** Minimum age of the driver on the day of the drive. */
  minDriverAge: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  slotMinutes: 60,
  bufferMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 14,
  customerCutoffMinutes: 120,
  maxReschedules: 2,
  maxActivePerCustomer: 2,
  minDriverAge: 18,
};

/** One bookable slot of a store, model and day. */
export interface TimeSlot {
  /** UTC instant the drive starts. */
  startsAt: string;
  endsAt: string;
  /** Store-local "HH:mm" labels for display. */
  localStart: string;
  localEnd: string;
  /** Cars of the model in service at the store. */
  capacity: number;
  /** Bookings holding a car in this slot. */
  held: number;
  /** capacity - held, never below 0. */
  remaining: number;
}

export interface DayAvailability {
  /** Store-local date, YYYY-MM-DD. */
  date: string;
  /** False on closed weekdays and closed dates. */
  open: boolean;
  /** Bookable slots (now + notice onwards); empty when closed or past. */
  slots: TimeSlot[];
  /** Sum of the slots' remaining places. */
  remaining: number;
}

export interface BookingTimelineEntry {
  at: string;
  actor: 'customer' | 'staff' | 'system';
  /** Display name of the member of staff, or null for the customer and the system. */
  actorName: string | null;
  /** 'create' for the first entry, else the action taken. */
  action: BookingAction | 'create';
  from: BookingStatus | null;
  to: BookingStatus;
  /** A reason or note given with the action (reject, cancel, propose, decline). */
  reason: string | null;
  /** The slot start after the action, when the action moved the booking or proposed a time. */
  startsAt: string | null;
}

/** A time a consultant proposed, waiting for the customer's answer. */
export interface BookingProposal {
  startsAt: string;
  endsAt: string;
  note: string | null;
  proposedAt: string;
}

/** A booking as the API returns it, to its customer and to the store's staff. */
export interface TestDriveBooking {
  id: number;
  /** Short code the customer can quote on the phone, e.g. TD8K3Q2M. */
  reference: string;
  storeId: number;
  storeName: string;
  storePhone: string;
  /** IANA zone of the store: show every time of the booking in it. */
  storeTimeZone: string;
  modelId: number;
  modelName: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  customerName: string;
  /** 138****5678 */
  mobileMasked: string;
  /** The licence (resident ID) number, masked: the full number never leaves the server. */
  licenceMasked: string;
  note: string | null;
  consentVersion: string;
  consentAcceptedAt: string;
  car: { id: number; plate: string } | null;
  consultant: { id: number; displayName: string } | null;
  proposal: BookingProposal | null;
  rescheduleCount: number;
  /** Reason of a rejection or a cancellation. */
  closingReason: string | null;
  /** Actions the caller may take now (the one lifecycle function decides). */
  allowedActions: BookingAction[];
  timeline: BookingTimelineEntry[];
  createdAt: string;
}

/** The versioned test-drive consent text (试乘试驾同意书). */
export interface TestDriveConsent {
  version: string;
  title: string;
  body: string;
  /** Separate consent to processing the licence number, sensitive personal information under PIPL. */
  licenceConsentText: string;
}

export interface CreateBookingRequest {
  storeId: number;
  modelId: number;
  /** Slot start, exactly as returned by the availability endpoint. */
  startsAt: string;
  customerName: string;
  /** Omit to use the phone the customer bound through WeChat's getPhoneNumber. */
  mobile?: string;
  licenceNumber: string;
  /** The consent version the customer read and accepted. */
  consentVersion: string;
  /** The separate PIPL consent for the licence number; must be true. */
  licenceConsent: boolean;
  note?: string;
}

export interface RescheduleBookingRequest {
  startsAt: string;
}

export interface CancelBookingRequest {
  reason?: string;
}

export interface ConfirmBookingRequest {
  carId: number;
}

export interface RejectBookingRequest {
  reason: string;
}

export interface ProposeBookingRequest {
  startsAt: string;
  note?: string;
}

export interface DeclineProposalRequest {
  reason?: string;
}

export interface CheckInBookingRequest {
  /** Last four characters of the licence the customer shows, typed by the consultant. */
  licenceLastFour: string;
  /** The consultant has the signed paper consent form (试乘试驾同意书). */
  consentSigned: boolean;
}

export interface StoreCancelBookingRequest {
  reason: string;
}

/** 409 when the slot is gone: the nearest slots that are still free. */
export interface SlotTakenProblemExtension {
  suggestedSlots: TimeSlot[];
}

/** Staff day list query. */
export interface StoreBookingsQuery {
  /** Store-local date YYYY-MM-DD. */
  date: string;
  status?: BookingStatus;
}

/** Free and held capacity per model and day, for the portal calendar. */
export interface StoreCapacityDay {
  date: string;
  open: boolean;
  models: Array<{ modelId: number; modelName: string; capacity: number; held: number; remaining: number }>;
}

/** What customers changed in a store's bookings since an instant: drives the portal's badge and refresh. */
export interface TestDriveChanges {
  /** Server time of this answer; pass it as `since` next time. */
  serverTime: string;
  changes: Array<{
    bookingId: number;
    action: 'create' | 'cancel' | 'reschedule' | 'accept_proposal' | 'decline_proposal';
    at: string;
    customerName: string;
    startsAt: string;
  }>;
}
