import type { FollowUpRateRow, FollowUpStats } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { assigneeRows, isLowRate, kindRows, statsQueryFromParams } from './rates';

const rate = (over: Partial<FollowUpRateRow>): FollowUpRateRow => ({
  total: 10,
  done: 8,
  onTime: 6,
  overdueOpen: 1,
  cancelled: 0,
  completionRate: 0.8,
  onTimeRate: 0.75,
  ...over,
});

const stats: FollowUpStats = {
  from: '2026-10-22',
  to: '2026-11-20',
  overall: rate({}),
  byAssignee: [
    { ...rate({ completionRate: 0.9 }), staffId: 7, name: '陈晓明' },
    { ...rate({ completionRate: 0.5, overdueOpen: 4 }), staffId: 8, name: '赵敏' },
    { ...rate({ total: 0, completionRate: null }), staffId: null, name: '' },
  ],
  byKind: [
    { ...rate({ completionRate: 1 }), kind: 'delivery_t3_call' },
    { ...rate({ completionRate: 0.6 }), kind: 'test_drive_next_day_call' },
  ],
};

describe('rates', () => {
  it('puts the lowest completion first and the pool with nothing due last', () => {
    expect(assigneeRows(stats).map((r) => r.name)).toEqual(['赵敏', '陈晓明', '未分配']);
  });

  it('names the rules in Chinese', () => {
    expect(kindRows(stats).map((r) => r.name)).toEqual(['试驾次日回访', '交车前3天确认电话']);
  });

  it('flags rates under 80%', () => {
    expect(isLowRate(0.79)).toBe(true);
    expect(isLowRate(0.8)).toBe(false);
    expect(isLowRate(null)).toBe(false);
  });

  it('reads the period and, for admins, the store from the query string', () => {
    const params = new URLSearchParams('from=2026-11-01&to=2026-11-30&store=2');
    expect(statsQueryFromParams(params, 'manager')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(statsQueryFromParams(params, 'admin')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      storeId: 2,
    });
    expect(statsQueryFromParams(new URLSearchParams('from=2026-11-30&to=2026-11-01'), 'manager')).toEqual({});
  });
});
