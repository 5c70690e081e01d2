/**
 * Delivery (交车): the sales order signed at closing and the delivery that follows it, shared by
 * the API, the mini-program and the portal. Instants on the wire are ISO-8601 UTC; store-local
 * dates are "YYYY-MM-DD" and times "HH:mm" in the store's time zone.
 */

export const DELIVERY_STATUSES = ['scheduling', 'date_confirmed', 'ready', 'delivered', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABEL_ZH: Record<DeliveryStatus, string> = {
  scheduling: '待定交车时间',
  date_confirmed: '交车时间已确认',
  ready: '车辆已备妥',
  delivered: '已交车',
  cancelled: '已取消',
};

export const DELIVERY_ACTIONS = [
  // customer
  'choose_date',
  'request_other_dates',
  'confirm_attendance',
  // staff
  'offer_dates',
  'record_call',
  'tick_checklist',
  'mark_ready',
  'declare_delay',
  'deliver',
  'cancel_order',
] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export const DELIVERY_ACTION_LABEL_ZH: Record<DeliveryAction, string> = {
  choose_date: '选择交车时间',
  request_other_dates: '申请其他时间',
  confirm_attendance: '按时到店',
  offer_dates: '提供交车时间',
  record_call: '登记电话确认',
  tick_checklist: '勾选检查项',
  mark_ready: '车辆备妥',
  declare_delay: '交车延期',
  deliver: '完成交车',
  cancel_order: '取消订单',
};

/** Who is acting on an order. Staff act only within their store (admins on every store). */
export type DeliveryActor =
  | { kind: 'customer'; customerId: number }
  | { kind: 'staff'; staffId: number; role: 'consultant' | 'manager' | 'admin'; storeId: number | null };

/** The confirmation calls before delivery: 3 days before and 1 day before. */
export const CONFIRMATION_STAGES = ['T-3', 'T-1'] as const;
export type ConfirmationStage = (typeof CONFIRMATION_STAGES)[number];

export const CONFIRMATION_STAGE_LABEL_ZH: Record<ConfirmationStage, string> = {
  'T-3': '交车前3天确认',
  'T-1': '交车前1天确认',
};

export const CALL_OUTCOMES = ['confirmed', 'not_reached'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABEL_ZH: Record<CallOutcome, string> = {
  confirmed: '已接通，客户确认按时到店',
  not_reached: '未接通',
};

/** Checklists of a delivery. `bring` is what the customer should bring; it has nothing to tick. */
export const CHECKLIST_KINDS = ['pdi', 'handover', 'bring'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export type TickableChecklistKind = Exclude<ChecklistKind, 'bring'>;

export const CHECKLIST_KIND_LABEL_ZH: Record<ChecklistKind, string> = {
  pdi: '交车前检查（PDI）',
  handover: '交车交接单',
  bring: '提车请携带',
};

export interface ChecklistItemTemplate {
  /** Stable key, lower-case letters, digits and underscores. */
  key: string;
  label: string;
}

export type DeliveryChecklistTemplates = Record<ChecklistKind, ChecklistItemTemplate[]>;

/** The dealership's standard lists (DOMAIN: delivery); a store may edit its own. */
export const DEFAULT_DELIVERY_CHECKLISTS: DeliveryChecklistTemplates = {
  pdi: [
    { key: 'pdi', label: 'PDI 检测完成' },
    { key: 'plates', label: '车牌已办理' },
    { key: 'registration', label: '行驶证/登记证书已备好' },
    { key: 'warranty', label: '保修手册已备好' },
    { key: 'invoice', label: '购车发票已开具' },
    { key: 'cleaning', label: '车辆已清洁' },
  ],
  handover: [
    { key: 'documents', label: '随车证件资料（发票、合格证、行驶证、保修手册）' },
    { key: 'keys', label: '车钥匙' },
    { key: 'tools', label: '随车工具' },
    { key: 'spare_tyre', label: '备胎/补胎工具' },
    { key: 'features', label: '车辆功能讲解' },
    { key: 'service_booking', label: '保养预约与首保里程说明' },
  ],
  bring: [
    { key: 'id_card', label: '购车人身份证原件' },
    { key: 'contract', label: '购车合同' },
    { key: 'payment', label: '尾款或贷款审批资料' },
    { key: 'insurance', label: '保险单（如自行投保）' },
  ],
};

/** A checklist item of one delivery, copied from the store's template when the order was created. */
export interface ChecklistItem extends ChecklistItemTemplate {
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
}

export interface DeliveryDateOption {
  startsAt: string;
  localDate: string;
  localTime: string;
}

export interface DeliveryConfirmation {
  stage: ConfirmationStage;
  /** The appointment it confirmed; a new date needs new confirmations. */
  scheduledAt: string;
  by: 'customer' | 'staff';
  outcome: CallOutcome;
  note: string | null;
  staffName: string | null;
  at: string;
}

/** Where the T-3 / T-1 confirmation of today stands, for "who still needs a call today". */
export interface ConfirmationDue {
  stage: ConfirmationStage;
  done: boolean;
  /** The last call of this stage did not reach the customer. */
  lastCallNotReached: boolean;
}

export interface DeliveryTimelineEntry {
  at: string;
  actor: 'customer' | 'staff';
  actorName: string | null;
  action: DeliveryAction | 'create';
  fromStatus: DeliveryStatus | null;
  toStatus: DeliveryStatus;
  note: string | null;
}

/** A sales order with its delivery, as the customer or the store sees it. */
export interface SalesOrder {
  id: number;
  orderNo: string;
  storeId: number;
  storeName: string;
  storePhone: string;
  storeAddress: string;
  storeTimeZone: string;
  customerName: string;
  /** Masked for everyone; the store calls through its own CRM. */
  mobileMasked: string;
  /** Whether the order is linked to a WeChat customer (by the same phone). */
  customerLinked: boolean;
  model: { id: number; name: string };
  trim: string;
  colour: string;
  vin: string | null;
  consultant: { id: number; name: string; phone: string | null } | null;
  /** The promised delivery window, store-local dates. */
  promisedFrom: string;
  promisedTo: string;
  status: DeliveryStatus;
  /** The dates currently offered (scheduling only). */
  dateOptions: DeliveryDateOption[];
  /** The agreed appointment (date_confirmed, ready, delivered). */
  scheduled: DeliveryDateOption | null;
  partySize: number | null;
  customerNote: string | null;
  /** The latest delay declared by the store, until a new date is confirmed. */
  delay: { reason: string; at: string } | null;
  checklists: Record<ChecklistKind, ChecklistItem[]>;
  confirmations: DeliveryConfirmation[];
  confirmationDue: ConfirmationDue | null;
  handover: { signedAt: string; signerName: string } | null;
  cancelReason: string | null;
  createdAt: string;
  timeline: DeliveryTimelineEntry[];
  allowedActions: DeliveryAction[];
}

export interface CreateSalesOrderRequest {
  customerName: string;
  customerMobile: string;
  modelId: number;
  trim: string;
  colour: string;
  vin?: string;
  promisedFrom: string;
  promisedTo: string;
  /** Defaults to the staff member creating the order; a manager may assign one of the store's consultants. */
  consultantId?: number;
}

export interface DeliveryDateChoice {
  date: string;
  time: string;
}

export interface OfferDatesRequest {
  options: DeliveryDateChoice[];
  note?: string;
}

export interface DeclareDelayRequest extends OfferDatesRequest {
  reason: string;
}

export interface ChooseDateRequest {
  startsAt: string;
  partySize: number;
  note?: string;
}

export interface RequestOtherDatesRequest {
  note: string;
}

export interface RecordCallRequest {
  outcome: CallOutcome;
  note?: string;
}

export interface TickChecklistRequest {
  kind: TickableChecklistKind;
  key: string;
  done: boolean;
}

export interface DeliverRequest {
  /** The customer's drawn signature, a PNG data URL. */
  signature: string;
  signerName: string;
}

export interface CancelOrderRequest {
  reason: string;
}

export interface AssignVinRequest {
  vin: string;
}

/** A store's orders for the portal: every order still waiting for a date, and those scheduled in [from, from + days). */
export interface StoreOrdersQuery {
  /** Store-local date, default today. */
  from?: string;
  /** 1–31, default 7. */
  days?: number;
}

/** The handover signature, as stored with the order. */
export interface DeliverySignature {
  signedAt: string;
  signerName: string;
  /** PNG data URL. */
  image: string;
}

/** Most people a customer may bring to the handover (the store prepares seats and drinks). */
export const MAX_PARTY_SIZE = 10;
/** At most this many dates are offered at once. */
export const MAX_DATE_OPTIONS = 3;
/** A signature image larger than this is refused (decoded PNG bytes). */
export const MAX_SIGNATURE_BYTES = 60 * 1024;
