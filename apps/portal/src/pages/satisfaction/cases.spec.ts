import type { LowScoreCase } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  caseActions,
  caseHistory,
  caseOverdue,
  caseStatusParam,
  caseUpdate,
  closedOnTimeShare,
  dueText,
  filterCases,
  isCaseFilter,
  sortCases,
} from './cases';

const NOW = new Date('2025-11-20T06:00:00Z'); // 14:00 in Shanghai

function lowCase(overrides: Partial<LowScoreCase> = {}): LowScoreCase {
  return {
    id: 1,
    responseId: 11,
    storeId: 1,
    storeName: '星河汽车城店',
    kind: 'test_drive_feedback',
    customerName: '王女士',
    mobileMasked: '138****0001',
    subject: '试驾 云岚 星河',
    consultant: { id: 7, name: '陈晓明' },
    owner: { id: 7, name: '陈晓明' },
    status: 'open',
    reasons: ['整体满意度 2 星'],
    index: 450,
    nps: 4,
    comments: ['等了很久'],
    openedAt: '2025-11-19T08:00:00Z',
    dueAt: '2025-11-20T08:00:00Z',
    contactedAt: null,
    resolvedAt: null,
    overdue: false,
    notes: [],
    ...overrides,
  };
}

describe('dueText', () => {
  it('counts down to the due time, then counts how late it is', () => {
    expect(dueText(lowCase(), NOW)).toEqual({ text: '剩余 2 小时', overdue: false });
    expect(dueText(lowCase({ dueAt: '2025-11-20T03:40:00Z' }), NOW)).toEqual({
      text: '已超时 2 小时 20 分',
      overdue: true,
    });
    expect(dueText(lowCase({ dueAt: '2025-11-18T05:00:00Z', status: 'contacted' }), NOW)).toEqual({
      text: '已超时 2 天 1 小时',
      overdue: true,
    });
  });

  it('says whether a resolved case was closed in time', () => {
    expect(dueText(lowCase({ status: 'resolved', resolvedAt: '2025-11-20T07:00:00Z' }), NOW)).toEqual({
      text: '按时解决',
      overdue: false,
    });
    expect(dueText(lowCase({ status: 'resolved', resolvedAt: '2025-11-20T11:00:00Z' }), NOW)).toEqual({
      text: '超时 3 小时后解决',
      overdue: true,
    });
  });
});

describe('overdue and closed on time', () => {
  it('follows the domain: past due and unresolved, or resolved late', () => {
    expect(caseOverdue(lowCase(), NOW)).toBe(false);
    expect(caseOverdue(lowCase({ dueAt: '2025-11-20T05:59:00Z' }), NOW)).toBe(true);
    expect(
      caseOverdue(
        lowCase({ status: 'resolved', resolvedAt: '2025-11-20T07:59:00Z', dueAt: '2025-11-20T05:00:00Z' }),
        NOW,
      ),
    ).toBe(true);
  });

  it('shares resolved cases closed by their due time', () => {
    const cases = [
      lowCase({ status: 'resolved', resolvedAt: '2025-11-20T07:00:00Z' }),
      lowCase({ status: 'resolved', resolvedAt: '2025-11-20T09:00:00Z' }),
      lowCase({ status: 'resolved', resolvedAt: '2025-11-19T09:00:00Z' }),
      lowCase({ status: 'open' }),
    ];
    expect(closedOnTimeShare(cases)).toBeCloseTo(2 / 3);
    expect(closedOnTimeShare([lowCase()])).toBeNull();
  });
});

describe('filters and order', () => {
  const open = lowCase({ id: 1, status: 'open', dueAt: '2025-11-20T08:00:00Z' });
  const late = lowCase({ id: 2, status: 'contacted', dueAt: '2025-11-19T08:00:00Z' });
  const done = lowCase({ id: 3, status: 'resolved', resolvedAt: '2025-11-19T01:00:00Z' });
  const doneLater = lowCase({ id: 4, status: 'resolved', resolvedAt: '2025-11-19T05:00:00Z' });

  it('keeps what still needs work under 待处理', () => {
    expect(filterCases([open, late, done], 'active').map((c) => c.id)).toEqual([1, 2]);
    expect(filterCases([open, late, done], 'resolved').map((c) => c.id)).toEqual([3]);
    expect(filterCases([open, late, done], 'all')).toHaveLength(3);
    expect(isCaseFilter('contacted')).toBe(true);
    expect(isCaseFilter('closed')).toBe(false);
    expect(caseStatusParam('active')).toBeUndefined();
    expect(caseStatusParam('open')).toBe('open');
  });

  it('lists the unresolved by due time (most overdue first), then the resolved, latest first', () => {
    expect(sortCases([done, open, doneLater, late]).map((c) => c.id)).toEqual([2, 1, 4, 3]);
  });
});

describe('caseActions', () => {
  const consultant = { id: 7, role: 'consultant' as const };
  const other = { id: 8, role: 'consultant' as const };
  const manager = { id: 2, role: 'manager' as const };

  it('lets the owner and managers record calls and resolve; only managers assign', () => {
    expect(caseActions(lowCase(), consultant)).toEqual({ contacted: true, resolved: true, assign: false });
    expect(caseActions(lowCase(), other)).toEqual({ contacted: false, resolved: false, assign: false });
    expect(caseActions(lowCase(), manager)).toEqual({ contacted: true, resolved: true, assign: true });
  });

  it('closes a resolved case for good', () => {
    expect(caseActions(lowCase({ status: 'resolved' }), manager)).toEqual({
      contacted: false,
      resolved: false,
      assign: false,
    });
    expect(caseActions(lowCase({ status: 'contacted' }), consultant)).toEqual({
      contacted: true,
      resolved: true,
      assign: false,
    });
  });
});

describe('caseHistory', () => {
  it('starts with the case opening and shows each note with its transition, oldest first', () => {
    const items = caseHistory(
      lowCase({
        notes: [
          { at: '2025-11-20T02:00:00Z', byName: '李经理', status: 'resolved', note: '已解决' },
          { at: '2025-11-19T09:00:00Z', byName: '陈晓明', status: 'contacted', note: '已致电' },
          { at: '2025-11-19T10:00:00Z', byName: '陈晓明', status: 'contacted', note: '再次致电' },
        ],
      }),
      'Asia/Shanghai',
    );
    expect(items.map((i) => [i.at, i.title, i.transition, i.note])).toEqual([
      ['11月19日 16:00', '系统 生成低分回访', '待联系', null],
      ['11月19日 17:00', '陈晓明 记录回访', '待联系 → 已联系', '已致电'],
      ['11月19日 18:00', '陈晓明 记录回访', '已联系', '再次致电'],
      ['11月20日 10:00', '李经理 标记已解决', '已联系 → 已解决', '已解决'],
    ]);
  });
});

describe('caseUpdate', () => {
  it('sends the note trimmed', () => {
    expect(caseUpdate('resolved', '  已处理  ')).toEqual({ status: 'resolved', note: '已处理' });
  });
});
