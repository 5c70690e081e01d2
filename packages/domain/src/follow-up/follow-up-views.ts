/**
 * What the API answers and accepts about follow-up tasks, prospects (the customer card) and the
 * fate of customer messages. Shared by the API, the typed client and the portal.
 */
import type {
  NotificationKind,
  NotificationStatus,
  NotificationSubjectType,
} from '../notification/notification.types.js';
import type {
  FollowUpAssignee,
  FollowUpOutcome,
  FollowUpSourceType,
  FollowUpTaskKind,
  FollowUpTaskStatus,
  IntentLevel,
} from './follow-up.types.js';

/** Where a task sits in a consultant's inbox, in the store's time zone. */
export const INBOX_BUCKETS = ['overdue', 'today', 'upcoming', 'closed'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

export const INBOX_BUCKET_LABEL_ZH: Record<InboxBucket, string> = {
  overdue: '已逾期',
  today: '今天到期',
  upcoming: '即将到期',
  closed: '已完成',
};

/** The customer a task or card is about, as staff need it to call. */
export interface FollowUpCustomerRef {
  prospectId: number | null;
  customerId: number | null;
  name: string;
  /**
   * Masked, like every answer of the API: the full number is fetched on demand for the call
   * (prospects.revealPhone), so lists and logs never carry it.
   */
  mobileMasked: string;
  intentLevel: IntentLevel | null;
}

export interface FollowUpTaskAttempt {
  at: string;
  byName: string;
  outcome: FollowUpOutcome;
  note: string | null;
}

export interface FollowUpTaskView {
  id: number;
  storeId: number;
  storeName: string;
  kind: FollowUpTaskKind;
  assigneeRole: FollowUpAssignee;
  assignee: { id: number; name: string } | null;
  status: FollowUpTaskStatus;
  bucket: InboxBucket;
  dueAt: string;
  windowStart: string | null;
  /** Pending and past due. */
  overdue: boolean;
  /** When the task was handed to the manager: overdue, or a complaint. */
  escalatedAt: string | null;
  attempts: number;
  outcome: FollowUpOutcome | null;
  note: string | null;
  completedAt: string | null;
  completedBy: { id: number; name: string } | null;
  /** Done by its due time (null while pending or when cancelled). */
  onTime: boolean | null;
  customer: FollowUpCustomerRef;
  /** What the task follows up, in words, e.g. "试驾 云岚 星河 2026-11-20 14:00". */
  source: { type: FollowUpSourceType; id: number; summary: string };
  history: FollowUpTaskAttempt[];
}

export interface FollowUpInboxQuery {
  storeId?: number;
  bucket?: InboxBucket;
  /** Managers and admins: one consultant's tasks; "me" is the default for consultants. */
  assigneeId?: number;
  /** Managers: only the tasks escalated to them. */
  escalatedOnly?: boolean;
  kind?: FollowUpTaskKind;
  page?: number;
  pageSize?: number;
}

export interface FollowUpInbox {
  items: FollowUpTaskView[];
  total: number;
  page: number;
  pageSize: number;
  /** Counts of the caller's scope (same store and assignee filters), for the tabs and the menu badge. */
  counts: Record<Exclude<InboxBucket, 'closed'>, number> & { escalated: number };
}

export interface RecordFollowUpOutcomeRequest {
  outcome: FollowUpOutcome;
  /** Up to 500 characters; required for complaint_escalated (the manager needs to know what happened). */
  note?: string;
  /** ISO instant; required for call_back_at. */
  callBackAt?: string;
  /** The intent question asked on the call (test-drive next-day call, prospect follow-up). */
  intentLevel?: IntentLevel;
}

export interface AssignFollowUpRequest {
  staffId: number;
}

export interface FollowUpRateRow {
  total: number;
  done: number;
  onTime: number;
  /** Pending and past due now. */
  overdueOpen: number;
  cancelled: number;
  /** done / (total − cancelled), 0–1; null when nothing is due. */
  completionRate: number | null;
  /** onTime / done, 0–1; null when nothing is done. */
  onTimeRate: number | null;
}

export interface FollowUpStatsQuery {
  storeId?: number;
  /** Store-local dates (YYYY-MM-DD) of the due dates counted; default the last 30 days. */
  from?: string;
  to?: string;
}

export interface FollowUpStats {
  from: string;
  to: string;
  overall: FollowUpRateRow;
  byAssignee: Array<FollowUpRateRow & { staffId: number | null; name: string }>;
  byKind: Array<FollowUpRateRow & { kind: FollowUpTaskKind }>;
}

// ---------------------------------------------------------------------------------------------
// Prospects and the customer card (客户卡片)

/** The four social styles consultants use to adapt their approach. */
export const CUSTOMER_STYLES = ['analytical', 'driver', 'expressive', 'amiable'] as const;
export type CustomerStyle = (typeof CUSTOMER_STYLES)[number];

export const CUSTOMER_STYLE_LABEL_ZH: Record<CustomerStyle, string> = {
  analytical: '分析型',
  driver: '支配型',
  expressive: '表现型',
  amiable: '和蔼型',
};

/** How a contact happened: 来店, 来电, 去电, online enquiry, WeChat. */
export const CONTACT_CHANNELS = ['visit', 'inbound_call', 'outbound_call', 'online', 'wechat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CHANNEL_LABEL_ZH: Record<ContactChannel, string> = {
  visit: '来店',
  inbound_call: '来电',
  outbound_call: '去电',
  online: '线上咨询',
  wechat: '微信',
};

export const PROSPECT_STATUSES = ['active', 'won', 'lost'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export const PROSPECT_STATUS_LABEL_ZH: Record<ProspectStatus, string> = {
  active: '跟进中',
  won: '已成交',
  lost: '战败',
};

/** Why a prospect bought elsewhere (战败原因), for the lost-customer analysis. */
export const LOST_REASON_CATEGORIES = [
  'price',
  'competitor',
  'product',
  'service',
  'financing',
  'postponed',
  'other',
] as const;
export type LostReasonCategory = (typeof LOST_REASON_CATEGORIES)[number];

export const LOST_REASON_LABEL_ZH: Record<LostReasonCategory, string> = {
  price: '价格原因',
  competitor: '购买竞品',
  product: '产品不满足需求',
  service: '对服务不满意',
  financing: '贷款/金融方案',
  postponed: '暂缓购车',
  other: '其他',
};

export interface ProspectSummary {
  id: number;
  storeId: number;
  storeName: string;
  customerId: number | null;
  name: string;
  mobileMasked: string;
  status: ProspectStatus;
  intentLevel: IntentLevel | null;
  style: CustomerStyle | null;
  consultant: { id: number; name: string } | null;
  /** The next pending task's due time, if any. */
  nextTaskDueAt: string | null;
  lastContactAt: string | null;
  createdAt: string;
}

export interface ContactLogEntry {
  id: number;
  channel: ContactChannel;
  at: string;
  byName: string;
  note: string;
  /** The task the contact answered, if any. */
  taskId: number | null;
}

export interface IntentChange {
  at: string;
  level: IntentLevel;
  previous: IntentLevel | null;
  byName: string;
  note: string | null;
}

export const TIMELINE_ENTRY_TYPES = [
  'contact',
  'intent',
  'test_drive',
  'order',
  'delivery',
  'task',
  'survey',
  'lost',
] as const;
export type TimelineEntryType = (typeof TIMELINE_ENTRY_TYPES)[number];

export const TIMELINE_ENTRY_TYPE_LABEL_ZH: Record<TimelineEntryType, string> = {
  contact: '联系',
  intent: '意向',
  test_drive: '试驾',
  order: '订单',
  delivery: '交车',
  task: '回访',
  survey: '问卷',
  lost: '战败',
};

export interface TimelineEntry {
  type: TimelineEntryType;
  at: string;
  /** One line in Chinese, e.g. "试驾 云岚 星河（已完成）". */
  title: string;
  detail: string | null;
  /** The row it stands for (booking id, order id, task id, response id…). */
  refId: number | null;
}

export interface CustomerCard {
  prospect: ProspectSummary & {
    styleNote: string | null;
    lostReason: { category: LostReasonCategory; note: string | null; at: string } | null;
  };
  contacts: ContactLogEntry[];
  intentHistory: IntentChange[];
  openTasks: FollowUpTaskView[];
  /** Newest first: contacts, intent changes, bookings, orders, deliveries, tasks, survey results. */
  timeline: TimelineEntry[];
}

/** The full number, for the call the consultant is about to make; every reveal is logged. */
export interface RevealedPhone {
  prospectId: number;
  phone: string;
}

export interface ProspectsQuery {
  storeId?: number;
  /** Name or phone (part of it). */
  q?: string;
  status?: ProspectStatus;
  intentLevel?: IntentLevel;
  consultantId?: number;
  page?: number;
  pageSize?: number;
}

/** 来店/来电登记: finds the store's prospect by phone or creates one, and logs the contact. */
export interface RegisterContactRequest {
  storeId: number;
  name: string;
  phone: string;
  channel: ContactChannel;
  note: string;
  intentLevel?: IntentLevel;
}

export interface LogContactRequest {
  channel: ContactChannel;
  note: string;
  /** The intent re-assessed on this contact: plans the next follow-up. */
  intentLevel?: IntentLevel;
}

export interface SetIntentRequest {
  level: IntentLevel;
  note?: string;
}

export interface UpdateProspectRequest {
  style?: CustomerStyle | null;
  styleNote?: string | null;
  /** Managers only: hand the customer to another consultant. */
  consultantId?: number;
}

export interface MarkProspectLostRequest {
  category: LostReasonCategory;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Customer messages: their fate, and the subscriptions asked for in the mini-program

/** The moments the mini-program asks for subscriptions, and which message kinds each covers. */
export const SUBSCRIPTION_MOMENTS = ['booking', 'delivery', 'survey'] as const;
export type SubscriptionMoment = (typeof SUBSCRIPTION_MOMENTS)[number];

export const SUBSCRIPTION_MOMENT_KINDS: Record<SubscriptionMoment, readonly NotificationKind[]> = {
  booking: [
    'test_drive_confirmed',
    'test_drive_rejected',
    'test_drive_time_proposed',
    'test_drive_cancelled_by_store',
  ],
  delivery: ['delivery_dates_offered', 'delivery_delayed', 'delivery_ready'],
  survey: ['survey_invited', 'survey_reminder'],
};

/** The template ids to pass to requestSubscribeMessage at a moment (WeChat takes at most 3 at once). */
export interface SubscriptionTemplates {
  moment: SubscriptionMoment;
  templateIds: string[];
}

/** requestSubscribeMessage's answer per template id, as the mini-program reports it. */
export type SubscriptionChoice = 'accept' | 'reject' | 'ban' | 'filter';

export interface RecordSubscriptionsRequest {
  moment: SubscriptionMoment;
  choices: Record<string, SubscriptionChoice>;
}

export interface NotificationListItem {
  id: number;
  kind: NotificationKind;
  status: NotificationStatus;
  storeId: number | null;
  customerName: string;
  mobileMasked: string;
  subjectType: NotificationSubjectType;
  subjectId: number;
  /** The message's subject line, e.g. "试驾 云岚 星河 (TD8K2M4Q)". */
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  /** The phone task that replaced a message the customer could not receive. */
  fallbackTaskId: number | null;
}

export interface NotificationsQuery {
  storeId?: number;
  status?: NotificationStatus;
  page?: number;
  pageSize?: number;
}
