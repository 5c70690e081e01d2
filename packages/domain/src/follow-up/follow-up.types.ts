/**
 * Follow-up tasks: the promises with deadlines of the sales and service standards (DOMAIN
 * "Follow-up", "Reception and leads", "Delivery"), planned by pure rules and run by the API.
 */
import type { ConfirmationStage } from '../delivery/delivery.types.js';
import type { Store } from '../store/store.types.js';

export const FOLLOW_UP_TASK_KINDS = [
  'test_drive_next_day_call',
  'test_drive_no_order_callback',
  'first_contact',
  'delivery_t3_call',
  'delivery_t1_call',
  'delivery_thank_you',
  'service_advisor_call',
  'first_maintenance_reminder',
  'low_score_callback',
  'prospect_follow_up',
  'lost_customer_callback',
  'complaint_callback',
  'message_fallback_call',
] as const;
export type FollowUpTaskKind = (typeof FOLLOW_UP_TASK_KINDS)[number];

export const FOLLOW_UP_TASK_KIND_LABEL_ZH: Record<FollowUpTaskKind, string> = {
  test_drive_next_day_call: '试驾次日回访',
  test_drive_no_order_callback: '试驾未成交回访',
  first_contact: '新客户首次联系',
  delivery_t3_call: '交车前3天确认电话',
  delivery_t1_call: '交车前1天确认电话',
  delivery_thank_you: '交车后5天内感谢回访',
  service_advisor_call: '交车后7天内服务顾问回访',
  first_maintenance_reminder: '首保预约提醒',
  low_score_callback: '低分回访',
  prospect_follow_up: '意向客户跟进',
  lost_customer_callback: '战败客户回访',
  complaint_callback: '客户投诉处理',
  message_fallback_call: '消息未送达，电话告知',
};

/** `pending` is the only status the rules still move or cancel; overdue is derived from dueAt, not stored. */
/**
 * The calls that also ask the customer's buying intent (H/A/B/C): the answer plans the next
 * prospect follow-up. Other calls may still record a level; these prompt for it.
 */
export const FOLLOW_UP_KINDS_ASKING_INTENT: readonly FollowUpTaskKind[] = [
  'test_drive_next_day_call',
  'test_drive_no_order_callback',
  'first_contact',
  'prospect_follow_up',
];

export function asksIntent(kind: FollowUpTaskKind): boolean {
  return FOLLOW_UP_KINDS_ASKING_INTENT.includes(kind);
}

export const FOLLOW_UP_TASK_STATUSES = ['pending', 'done', 'cancelled'] as const;
export type FollowUpTaskStatus = (typeof FOLLOW_UP_TASK_STATUSES)[number];

export const FOLLOW_UP_TASK_STATUS_LABEL_ZH: Record<FollowUpTaskStatus, string> = {
  pending: '待跟进',
  done: '已完成',
  cancelled: '已取消',
};

export const FOLLOW_UP_OUTCOMES = [
  'reached_confirmed',
  'not_reached',
  'call_back_at',
  'complaint_escalated',
] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const FOLLOW_UP_OUTCOME_LABEL_ZH: Record<FollowUpOutcome, string> = {
  reached_confirmed: '已接通并确认',
  not_reached: '未接通',
  call_back_at: '约定时间再联系',
  complaint_escalated: '客户投诉，已升级经理',
};

/** What a task follows up; with sourceId it names the row whose change moves or cancels the task. */
export const FOLLOW_UP_SOURCE_TYPES = [
  'test_drive',
  'enquiry',
  'delivery',
  'survey_response',
  'prospect',
  'notification',
  'follow_up_task',
] as const;
export type FollowUpSourceType = (typeof FOLLOW_UP_SOURCE_TYPES)[number];

export const FOLLOW_UP_SOURCE_TYPE_LABEL_ZH: Record<FollowUpSourceType, string> = {
  test_drive: '试乘试驾',
  enquiry: '线上咨询',
  delivery: '交车',
  survey_response: '满意度问卷',
  prospect: '意向客户',
  notification: '未送达的消息',
  follow_up_task: '回访任务',
};

/** 意向客户级别: H buys within 7 days, A within 15, B within 30, C within 3 months. */
export const INTENT_LEVELS = ['H', 'A', 'B', 'C'] as const;
export type IntentLevel = (typeof INTENT_LEVELS)[number];

export const INTENT_LEVEL_LABEL_ZH: Record<IntentLevel, string> = {
  H: 'H级（7天内购车）',
  A: 'A级（15天内购车）',
  B: 'B级（30天内购车）',
  C: 'C级（3个月内购车）',
};

/** Days between follow-ups of a prospect, by intent level: the hotter the lead, the closer the contact. */
export const INTENT_FOLLOW_UP_DAYS: Record<IntentLevel, number> = { H: 2, A: 3, B: 7, C: 15 };

export type FollowUpAssignee = 'consultant' | 'service_advisor' | 'manager';

export const FOLLOW_UP_ASSIGNEE_LABEL_ZH: Record<FollowUpAssignee, string> = {
  consultant: '销售顾问',
  service_advisor: '服务顾问',
  manager: '经理',
};

/** A planned task. windowStart, when set, is the earliest moment the call makes sense. */
export interface FollowUpTask {
  kind: FollowUpTaskKind;
  assignee: FollowUpAssignee;
  dueAt: Date;
  windowStart?: Date;
  sourceType: FollowUpSourceType;
  sourceId: number;
}

/** A stored task, as rescheduling sees it. */
export interface FollowUpTaskRecord extends FollowUpTask {
  id: number;
  status: FollowUpTaskStatus;
}

/** The events that create tasks; `at` is when the event happened. */
export type FollowUpEvent =
  | { type: 'test_drive_completed'; sourceId: number; at: Date }
  | { type: 'enquiry_received'; sourceId: number; at: Date; newCustomer: boolean }
  | { type: 'test_drive_booked'; sourceId: number; at: Date; newCustomer: boolean }
  | {
      type: 'delivery_date_confirmed';
      sourceId: number;
      at: Date;
      deliveryAt: Date;
      /** Stages the customer already confirmed in the mini-program: their call is skipped. */
      confirmedStages: readonly ConfirmationStage[];
    }
  | { type: 'order_delivered'; sourceId: number; at: Date }
  | { type: 'survey_low_score'; sourceId: number; at: Date }
  /** A prospect's level was set or re-assessed (also after each follow-up, so the next one is planned). */
  | { type: 'prospect_intent_assessed'; sourceId: number; at: Date; level: IntentLevel }
  | { type: 'prospect_lost'; sourceId: number; at: Date };

export type FollowUpEventType = FollowUpEvent['type'];

export const FOLLOW_UP_EVENT_SOURCE: Record<FollowUpEventType, FollowUpSourceType> = {
  test_drive_completed: 'test_drive',
  enquiry_received: 'enquiry',
  test_drive_booked: 'test_drive',
  delivery_date_confirmed: 'delivery',
  order_delivered: 'delivery',
  survey_low_score: 'survey_response',
  prospect_intent_assessed: 'prospect',
  prospect_lost: 'prospect',
};

/** What the rules need to know about the store: its zone, hours and extra closed dates. */
/** Read-only, so a store loaded for scheduling (StoreSchedule) fits as it is. */
export type FollowUpStoreHours = {
  readonly timeZone: Store['timeZone'];
  readonly openingHours: readonly Store['openingHours'][number][];
  readonly closedDates: readonly string[];
};

export interface FollowUpContext {
  store: FollowUpStoreHours;
}

/** A change of the source event, for tasksAfterSourceChange. */
export type FollowUpSourceChange =
  /** The source moved (new delivery date, new intent level…): `event` is the event as it now stands. */
  | { type: 'rescheduled'; event: FollowUpEvent; context: FollowUpContext }
  /** The source is gone, or (with `kinds`) only some of its tasks are moot, e.g. an order after a test drive. */
  | {
      type: 'cancelled';
      sourceType: FollowUpSourceType;
      sourceId: number;
      kinds?: readonly FollowUpTaskKind[];
    };

export type FollowUpTaskUpdate =
  { id: number; change: 'move'; dueAt: Date; windowStart?: Date } | { id: number; change: 'cancel' };
