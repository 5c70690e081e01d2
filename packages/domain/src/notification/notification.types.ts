import type { BookingAction } from '../test-drive/booking.types.js';
import { utcToZoned } from '../time/zoned-time.js';

/**
 * Messages the customer must receive about a change they did not make themselves. Each feature
 * writes one outbox row per message in the same transaction as the change; the sender (WeChat
 * subscription messages) delivers them later, so an outage of WeChat loses nothing.
 */
export const NOTIFICATION_KINDS = [
  'test_drive_confirmed',
  'test_drive_rejected',
  'test_drive_time_proposed',
  'test_drive_cancelled_by_store',
  'delivery_dates_offered',
  'delivery_delayed',
  'delivery_ready',
  'survey_invited',
  'survey_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABEL_ZH: Record<NotificationKind, string> = {
  test_drive_confirmed: '试驾预约已确认',
  test_drive_rejected: '试驾预约未能安排',
  test_drive_time_proposed: '门店建议了新的试驾时间',
  test_drive_cancelled_by_store: '门店取消了试驾预约',
  delivery_dates_offered: '请选择交车时间',
  delivery_delayed: '交车时间需要调整',
  delivery_ready: '您的新车已准备就绪',
  survey_invited: '邀请您评价本次服务',
  survey_reminder: '问卷即将过期，期待您的评价',
};

/** queued: waiting to be sent; sent; refused: the customer refused or has no subscription left (final); failed: gave up after retries. */
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'refused', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_STATUS_LABEL_ZH: Record<NotificationStatus, string> = {
  queued: '待发送',
  sent: '已送达',
  refused: '未订阅/拒收',
  failed: '发送失败',
};

export type NotificationSubjectType = 'test_drive_booking' | 'delivery' | 'survey_invitation';

/**
 * One message for one customer. `data` holds the values the message shows, by meaning
 * (the sender maps them onto a template's fields); all of them plain text already formatted
 * for the customer, times in the store's time zone.
 */
export interface NotificationMessage {
  kind: NotificationKind;
  customerId: number;
  /** The store the message speaks for: its staff see the message's fate and call when it fails. */
  storeId: number;
  subjectType: NotificationSubjectType;
  subjectId: number;
  /** Mini-program page the message opens, with its query. */
  page: string;
  data: NotificationData;
}

export interface NotificationData {
  /** What the message is about, e.g. "试驾 云岚 星河 (TD8K2M4Q)". */
  subject: string;
  storeName: string;
  /** Store-local "YYYY-MM-DD HH:mm", or several joined by "；". */
  time: string;
  /** Why (a rejection or a delay), or a note; empty when there is none. */
  remark: string;
}

/** WeChat limits a subscription message's `thing` values to 20 characters; cut longer text with an ellipsis. */
export function clipForMessage(text: string, max = 20): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** "YYYY-MM-DD HH:mm" of an instant in a time zone, the way messages show times. */
export function messageTime(instant: Date | string, timeZone: string): string {
  const { date, time } = utcToZoned(new Date(instant), timeZone);
  return `${date} ${time}`;
}

/** Which message, if any, the customer gets when the store takes an action on their test drive. */
export function testDriveNotificationKind(action: BookingAction): NotificationKind | null {
  switch (action) {
    case 'confirm':
      return 'test_drive_confirmed';
    case 'reject':
      return 'test_drive_rejected';
    case 'propose':
      return 'test_drive_time_proposed';
    case 'cancel_by_store':
      return 'test_drive_cancelled_by_store';
    // The customer is in the store for these, or made the change themselves.
    default:
      return null;
  }
}
