import type { SurveyFunnel } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { funnelOutcomes, funnelSteps } from './funnel';

const funnel: SurveyFunnel = {
  invited: 80,
  opened: 60,
  started: 10,
  completed: 40,
  expired: 12,
  held: 3,
  dropped: 2,
  responseRate: 0.5,
  medianHoursToAnswer: 6,
};

describe('funnelSteps', () => {
  it('keeps invited, opened, started and completed apart, each a share of those invited', () => {
    expect(funnelSteps(funnel).map((s) => [s.key, s.count, s.share])).toEqual([
      ['invited', 80, '送达客户的邀请'],
      ['opened', 60, '占已发送 75%'],
      ['started', 10, '占已发送 12.5%'],
      ['completed', 40, '占已发送 50%'],
    ]);
  });

  it('shows no share when nothing was sent', () => {
    const none = { ...funnel, invited: 0, opened: 0, started: 0, completed: 0 };
    expect(funnelSteps(none)[3]!.share).toBe('占已发送 —');
  });
});

describe('funnelOutcomes', () => {
  it('lists what never became a response apart from the funnel', () => {
    expect(funnelOutcomes(funnel).map((o) => [o.key, o.label, o.count])).toEqual([
      ['expired', '已过期', 12],
      ['held', '暂缓发送', 3],
      ['dropped', '未发送', 2],
    ]);
  });
});
