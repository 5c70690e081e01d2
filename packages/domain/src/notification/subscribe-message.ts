/**
 * WeChat subscription messages (订阅消息): which template each notification kind uses, how our
 * message values map onto a template's fields, and the value rules WeChat enforces per field
 * type (a value breaking them is rejected with 47003, so the message would be lost).
 */
import { SUBSCRIPTION_MOMENT_KINDS, type SubscriptionMoment } from '../follow-up/follow-up-views.js';
import {
  clipForMessage,
  NOTIFICATION_KIND_LABEL_ZH,
  NOTIFICATION_KINDS,
  type NotificationData,
  type NotificationKind,
} from './notification.types.js';

/** Where a template field's value comes from: a value of the message, or `title` (the kind's label). */
export type SubscribeFieldSource = keyof NotificationData | 'title';
export const SUBSCRIBE_FIELD_SOURCES: readonly SubscribeFieldSource[] = [
  'subject',
  'storeName',
  'time',
  'remark',
  'title',
];

export interface SubscribeTemplate {
  templateId: string;
  /** WeChat field key (thing1, time2, …) → the value it shows. */
  fields: Record<string, SubscribeFieldSource>;
}

export type SubscribeTemplates = Record<NotificationKind, SubscribeTemplate>;

/** The mini-program version a message opens. */
export const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

/** WeChat allows at most this many template ids in one requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

const testDriveResult: SubscribeTemplate = {
  // 预约结果通知: 预约项目 / 预约门店 / 预约时间 / 预约状态 / 备注
  templateId: 'tmpl_test_drive_result',
  fields: { thing1: 'subject', thing2: 'storeName', time3: 'time', thing4: 'title', thing5: 'remark' },
};
const deliverySchedule: SubscribeTemplate = {
  // 交车进度通知: 车辆 / 交车门店 / 交车时间 / 进度 / 说明
  templateId: 'tmpl_delivery_progress',
  fields: { thing1: 'subject', thing2: 'storeName', time3: 'time', thing4: 'title', thing5: 'remark' },
};
const surveyInvitation: SubscribeTemplate = {
  // 服务评价邀请: 评价内容 / 服务门店 / 截止时间 / 温馨提示
  templateId: 'tmpl_service_survey',
  fields: { thing1: 'subject', thing2: 'storeName', time3: 'time', thing4: 'remark' },
};

/**
 * Defaults for development and tests (fake ids); production sets the real ids from the WeChat
 * console with WECHAT_SUBSCRIBE_TEMPLATES. Kinds of one moment share a template where the
 * template's 状态 field (`title`) tells them apart, so one grant covers whatever happens next.
 */
export const DEFAULT_SUBSCRIBE_TEMPLATES: SubscribeTemplates = {
  test_drive_confirmed: testDriveResult,
  test_drive_rejected: testDriveResult,
  test_drive_cancelled_by_store: testDriveResult,
  test_drive_time_proposed: {
    // 预约时间变更提醒: 预约项目 / 建议时间 / 预约门店 / 备注
    templateId: 'tmpl_test_drive_time_change',
    fields: { thing1: 'subject', time2: 'time', thing3: 'storeName', thing4: 'remark' },
  },
  delivery_dates_offered: deliverySchedule,
  delivery_ready: deliverySchedule,
  delivery_delayed: deliverySchedule,
  survey_invited: surveyInvitation,
  survey_reminder: surveyInvitation,
};

/** The field type of a WeChat key: `thing` of thing1, `character_string` of character_string12. */
export function subscribeKeyType(key: string): string {
  return key.replace(/\d+$/, '');
}

const TIME_PATTERN = /\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?/;
/** What WeChat rejects in an empty field is better shown as "无" (none). */
const NONE = '无';

/**
 * A value formatted for a field of the given key, within WeChat's rules: thing ≤ 20 characters,
 * phrase ≤ 5 Chinese characters, name ≤ 10, character_string ≤ 32 ASCII characters, time/date a
 * single valid time (the first, when several are listed). Never empty.
 */
export function formatSubscribeValue(key: string, value: string): string {
  const text = value.trim();
  switch (subscribeKeyType(key)) {
    case 'time':
    case 'date': {
      const first = TIME_PATTERN.exec(text)?.[0];
      return first ?? text.split('；')[0]!.trim();
    }
    case 'phrase': {
      const chinese = Array.from(text.replace(/[^\u4e00-\u9fff]/g, ''));
      return chinese.length === 0 ? NONE : chinese.slice(0, 5).join('');
    }
    case 'name':
      return text ? clipForMessage(text, 10) : NONE;
    case 'character_string': {
      const ascii = text.replace(/[^\x21-\x7e]/g, '');
      return ascii ? ascii.slice(0, 32) : '-';
    }
    default:
      return text ? clipForMessage(text, 20) : NONE;
  }
}

/** The `data` of a subscribeMessage.send call: every field of the template, formatted. */
export function subscribeMessageData(
  template: SubscribeTemplate,
  kind: NotificationKind,
  data: NotificationData,
): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [key, source] of Object.entries(template.fields)) {
    const raw = source === 'title' ? NOTIFICATION_KIND_LABEL_ZH[kind] : (data[source] ?? '');
    out[key] = { value: formatSubscribeValue(key, raw) };
  }
  return out;
}

/** The distinct template ids to ask for at a moment, in kind order, at most three. */
export function subscriptionTemplateIds(templates: SubscribeTemplates, moment: SubscriptionMoment): string[] {
  const ids = [...new Set(SUBSCRIPTION_MOMENT_KINDS[moment].map((kind) => templates[kind].templateId))];
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/** Every template id in use, for checking what a customer reports accepting. */
export function knownTemplateIds(templates: SubscribeTemplates): Set<string> {
  return new Set(NOTIFICATION_KINDS.map((kind) => templates[kind].templateId));
}

/** How many unused one-time grants of a template we keep at most: more accepts than sends add nothing. */
export const MAX_SUBSCRIPTION_GRANTS = 20;
