import {
  NOTIFICATION_KIND_LABEL_ZH,
  type NotificationListItem,
  type NotificationStatus,
  type NotificationsQuery,
  type StaffRole,
} from '@dealer-care/domain';
import { canSeeMessageDelivery } from '../../access';
import { problemOf, problemText } from '../../errors';
import { idParam } from './filters';

/** The filter of 消息投递: the dead letters first (failed), then refused, sent, waiting, or all. */
export const MESSAGE_FILTERS = ['failed', 'refused', 'queued', 'sent', 'all'] as const;
export type MessageFilter = (typeof MESSAGE_FILTERS)[number];

export const MESSAGE_FILTER_LABEL_ZH: Record<MessageFilter, string> = {
  failed: '发送失败',
  refused: '未订阅/拒收',
  queued: '待发送',
  sent: '已送达',
  all: '全部',
};

export { NOTIFICATION_STATUS_LABEL_ZH as MESSAGE_STATUS_LABEL_ZH } from '@dealer-care/domain';

export const MESSAGE_STATUS_COLOR: Record<NotificationStatus, string> = {
  queued: 'processing',
  sent: 'success',
  refused: 'warning',
  failed: 'error',
};

export const MESSAGES_PAGE_SIZE = 20;

export function isMessageFilter(value: string | null): value is MessageFilter {
  return (MESSAGE_FILTERS as readonly string[]).includes(value ?? '');
}

/** `?tab=messages&msg=refused&page=2`; the list opens on the failed messages. */
export function messagesQueryFromParams(
  params: URLSearchParams,
  storeId: number | null,
): {
  filter: MessageFilter;
  query: NotificationsQuery;
} {
  const value = params.get('msg');
  const filter: MessageFilter = isMessageFilter(value) ? value : 'failed';
  const query: NotificationsQuery = { page: idParam(params.get('page')) ?? 1, pageSize: MESSAGES_PAGE_SIZE };
  if (filter !== 'all') query.status = filter;
  if (storeId !== null) query.storeId = storeId;
  return { filter, query };
}

/** Only a failed message (WeChat gave up) can be sent again, by a manager or admin. */
export function canRetryMessage(item: Pick<NotificationListItem, 'status'>, role: StaffRole): boolean {
  return item.status === 'failed' && canSeeMessageDelivery(role);
}

/** "试驾预约已确认 · 试驾 云岚 星河 (TD8K2M4Q)". */
export function messageTitle(item: Pick<NotificationListItem, 'kind' | 'subject'>): string {
  return `${NOTIFICATION_KIND_LABEL_ZH[item.kind]} · ${item.subject}`;
}

/** Why the customer did not get it, in words. */
export function messageFate(item: Pick<NotificationListItem, 'status' | 'lastError' | 'attempts'>): string {
  switch (item.status) {
    case 'sent':
      return '已送达';
    case 'queued':
      return item.attempts > 0 ? `已尝试 ${item.attempts} 次，等待重试` : '等待发送';
    case 'refused':
      return item.lastError ?? '客户未订阅或已拒收该消息';
    case 'failed':
      return item.lastError ?? `已尝试 ${item.attempts} 次，发送失败`;
  }
}

export type RetryResult =
  { kind: 'done'; text: string } | { kind: 'stale'; text: string } | { kind: 'failed'; text: string };

/** Queues a failed message again; a 409 (already retried, or no longer failed) asks for a refresh. */
export async function retryMessage(
  client: { retry: (id: number) => Promise<NotificationListItem> },
  id: number,
): Promise<RetryResult> {
  try {
    await client.retry(id);
    return { kind: 'done', text: '已重新排队发送' };
  } catch (error) {
    const { status } = problemOf(error);
    return { kind: status === 409 || status === 404 ? 'stale' : 'failed', text: problemText(error) };
  }
}
