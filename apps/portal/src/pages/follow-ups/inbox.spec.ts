import { describe, expect, it } from 'vitest';
import { badgeCount } from './badge';
import { task } from './fixtures';
import {
  INBOX_PAGE_SIZE,
  bucketTabLabel,
  dueWords,
  followUpViewsFor,
  inboxFiltersFromParams,
  inboxQuery,
  taskHistory,
  viewFromParam,
} from './inbox';

const ZONE = 'Asia/Shanghai';
const params = (text: string) => new URLSearchParams(text);

describe('inbox filters', () => {
  it('opens on today, page 1, with nothing else', () => {
    const filters = inboxFiltersFromParams(params(''), 'consultant');
    expect(filters).toEqual({
      bucket: 'today',
      assigneeId: null,
      escalatedOnly: false,
      kind: null,
      storeId: null,
      page: 1,
    });
    expect(inboxQuery(filters)).toEqual({ bucket: 'today', page: 1, pageSize: INBOX_PAGE_SIZE });
  });

  it('lets managers filter by assignee and escalation; consultants cannot', () => {
    const text = 'bucket=overdue&assignee=7&escalated=1&kind=delivery_t3_call&page=2&store=4';
    expect(inboxQuery(inboxFiltersFromParams(params(text), 'manager'))).toEqual({
      bucket: 'overdue',
      assigneeId: 7,
      escalatedOnly: true,
      kind: 'delivery_t3_call',
      page: 2,
      pageSize: INBOX_PAGE_SIZE,
    });
    expect(inboxQuery(inboxFiltersFromParams(params(text), 'consultant'))).toEqual({
      bucket: 'overdue',
      kind: 'delivery_t3_call',
      page: 2,
      pageSize: INBOX_PAGE_SIZE,
    });
    // Only admins pick a store.
    expect(inboxQuery(inboxFiltersFromParams(params(text), 'admin')).storeId).toBe(4);
  });

  it('ignores malformed values', () => {
    const filters = inboxFiltersFromParams(params('bucket=soon&assignee=abc&kind=nap&page=-1'), 'manager');
    expect(filters.bucket).toBe('today');
    expect(filters.assigneeId).toBeNull();
    expect(filters.kind).toBeNull();
    expect(filters.page).toBe(1);
  });
});

describe('views', () => {
  it('shows the completion rates to managers and admins only', () => {
    expect(followUpViewsFor('consultant')).toEqual(['inbox']);
    expect(followUpViewsFor('manager')).toEqual(['inbox', 'rates']);
    expect(viewFromParam('rates', 'consultant')).toBe('inbox');
    expect(viewFromParam('rates', 'admin')).toBe('rates');
  });
});

describe('tab labels and badge', () => {
  const counts = { overdue: 2, today: 3, upcoming: 5, escalated: 1 };
  it('puts the count beside each open bucket', () => {
    expect(bucketTabLabel('overdue', counts)).toBe('已逾期 2');
    expect(bucketTabLabel('today', counts)).toBe('今天到期 3');
    expect(bucketTabLabel('upcoming', counts)).toBe('即将到期 5');
    expect(bucketTabLabel('closed', counts)).toBe('已完成');
    expect(bucketTabLabel('today', undefined)).toBe('今天到期');
  });

  it('badges overdue plus today', () => {
    expect(badgeCount(counts)).toBe(5);
    expect(badgeCount(undefined)).toBe(0);
  });
});

describe('dueWords', () => {
  // 2026-11-20 14:00 in Shanghai.
  const now = new Date('2026-11-20T06:00:00.000Z');

  it('counts down a task due later today', () => {
    expect(dueWords(task(), now, ZONE)).toEqual({
      text: '今天 18:00 到期',
      hint: '还剩 4 小时',
      tone: 'warning',
    });
  });

  it('says how late an overdue task is', () => {
    const late = dueWords(task({ dueAt: '2026-11-19T04:00:00.000Z', overdue: true }), now, ZONE);
    expect(late.text).toBe('已逾期 1 天 2 小时');
    expect(late.tone).toBe('danger');
    expect(late.hint).toBe('应于 11月19日 12:00 前完成');
  });

  it('names tomorrow and later days in the store calendar', () => {
    expect(dueWords(task({ dueAt: '2026-11-21T01:30:00.000Z' }), now, ZONE).text).toBe('明天 09:30 到期');
    const later = dueWords(task({ dueAt: '2026-11-24T02:00:00.000Z' }), now, ZONE);
    expect(later).toEqual({ text: '11月24日 10:00 到期', hint: '4 天后', tone: 'secondary' });
  });

  it('uses the store day, not UTC: 01:00 local tomorrow is still tomorrow', () => {
    // 2026-11-20 17:00Z is 2026-11-21 01:00 in Shanghai.
    expect(dueWords(task({ dueAt: '2026-11-20T17:00:00.000Z' }), now, ZONE).text).toBe('明天 01:00 到期');
  });

  it('tells when a call window opens', () => {
    const words = dueWords(
      task({ dueAt: '2026-11-22T10:00:00.000Z', windowStart: '2026-11-22T01:00:00.000Z' }),
      now,
      ZONE,
    );
    expect(words.hint).toBe('11月22日 09:00 起可联系');
  });

  it('describes closed tasks', () => {
    const done = task({ status: 'done', onTime: true, completedAt: '2026-11-20T03:00:00.000Z' });
    expect(dueWords(done, now, ZONE)).toEqual({
      text: '按时完成',
      hint: '完成于 11月20日 11:00',
      tone: 'success',
    });
    expect(dueWords(task({ status: 'done', onTime: false }), now, ZONE).text).toBe('逾期完成');
    expect(dueWords(task({ status: 'cancelled' }), now, ZONE).text).toBe('已取消');
  });
});

describe('taskHistory', () => {
  it('lists the calls oldest first with the outcome in words', () => {
    const items = taskHistory(
      task({
        history: [
          {
            at: '2026-11-20T05:00:00.000Z',
            byName: '陈晓明',
            outcome: 'reached_confirmed',
            note: '周六到店',
          },
          { at: '2026-11-20T01:00:00.000Z', byName: '陈晓明', outcome: 'not_reached', note: null },
        ],
      }),
      ZONE,
    );
    expect(items.map((i) => [i.at, i.transition, i.status, i.note])).toEqual([
      ['11月20日 09:00', '未接通', 'pending', null],
      ['11月20日 13:00', '已接通并确认', 'done', '周六到店'],
    ]);
  });
});
