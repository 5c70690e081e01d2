import { ApiError } from '@dealer-care/api-client';
import { ErrorCode, type NotificationListItem } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  MESSAGES_PAGE_SIZE,
  canRetryMessage,
  messageFate,
  messageTitle,
  messagesQueryFromParams,
  retryMessage,
} from './messages';

const item = (over: Partial<NotificationListItem> = {}): NotificationListItem => ({
  id: 31,
  kind: 'test_drive_confirmed',
  status: 'failed',
  storeId: 1,
  customerName: '王芳',
  mobileMasked: '138****5678',
  subjectType: 'test_drive_booking',
  subjectId: 4,
  subject: '试驾 云岚 星河 (TD8K2M4Q)',
  attempts: 5,
  lastError: '微信接口繁忙（-1）',
  createdAt: '2026-11-20T02:00:00.000Z',
  sentAt: null,
  nextAttemptAt: null,
  fallbackTaskId: 77,
  ...over,
});

describe('messages query', () => {
  it('opens on the failed messages of the store in the filters', () => {
    expect(messagesQueryFromParams(new URLSearchParams(''), 2)).toEqual({
      filter: 'failed',
      query: { status: 'failed', storeId: 2, page: 1, pageSize: MESSAGES_PAGE_SIZE },
    });
  });
  it('lists every status with 全部, and pages', () => {
    expect(messagesQueryFromParams(new URLSearchParams('msg=all&page=2'), null)).toEqual({
      filter: 'all',
      query: { page: 2, pageSize: MESSAGES_PAGE_SIZE },
    });
    expect(messagesQueryFromParams(new URLSearchParams('msg=refused'), null).query.status).toBe('refused');
  });
});

describe('message rows', () => {
  it('retries only failed messages, for managers and admins', () => {
    expect(canRetryMessage(item(), 'manager')).toBe(true);
    expect(canRetryMessage(item(), 'admin')).toBe(true);
    expect(canRetryMessage(item(), 'consultant')).toBe(false);
    expect(canRetryMessage(item({ status: 'refused' }), 'manager')).toBe(false);
  });

  it('says what and why', () => {
    expect(messageTitle(item())).toBe('试驾预约已确认 · 试驾 云岚 星河 (TD8K2M4Q)');
    expect(messageFate(item())).toBe('微信接口繁忙（-1）');
    expect(messageFate(item({ status: 'refused', lastError: null }))).toBe('客户未订阅或已拒收该消息');
    expect(messageFate(item({ status: 'queued', attempts: 2 }))).toBe('已尝试 2 次，等待重试');
    expect(messageFate(item({ status: 'sent' }))).toBe('已送达');
  });
});

describe('retryMessage', () => {
  it('queues the message again', async () => {
    const calls: number[] = [];
    const client = {
      retry: (id: number) => {
        calls.push(id);
        return Promise.resolve(item({ status: 'queued' }));
      },
    };
    expect(await retryMessage(client, 31)).toEqual({ kind: 'done', text: '已重新排队发送' });
    expect(calls).toEqual([31]);
  });

  it('shows the server sentence of a 409 and asks for a refresh', async () => {
    const client = {
      retry: () =>
        Promise.reject(
          new ApiError({
            type: 'about:blank',
            title: '冲突',
            detail: '只有发送失败的消息可以重试',
            status: 409,
            code: ErrorCode.Conflict,
          }),
        ),
    };
    expect(await retryMessage(client, 31)).toEqual({ kind: 'stale', text: '只有发送失败的消息可以重试' });
  });
});
