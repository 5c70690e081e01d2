import { describe, expect, it } from 'vitest';
import { booking } from './fixtures';
import { pendingProposal, proposalText, timelineItems } from './timeline';

describe('timelineItems', () => {
  it('tells the story oldest first, in the store’s time', () => {
    const items = timelineItems(
      booking({
        timeline: [
          {
            at: '2026-11-21T02:00:00.000Z',
            actor: 'staff',
            actorName: '陈晓明',
            action: 'propose',
            from: 'requested',
            to: 'requested',
            reason: '原时段车辆保养',
            startsAt: '2026-11-26T06:00:00.000Z',
          },
          {
            at: '2026-11-20T01:00:00.000Z',
            actor: 'customer',
            actorName: null,
            action: 'create',
            from: null,
            to: 'requested',
            reason: null,
            startsAt: '2026-11-25T02:00:00.000Z',
          },
          {
            at: '2026-11-22T03:00:00.000Z',
            actor: 'customer',
            actorName: null,
            action: 'accept_proposal',
            from: 'requested',
            to: 'confirmed',
            reason: null,
            startsAt: '2026-11-26T06:00:00.000Z',
          },
          {
            at: '2026-11-26T09:00:00.000Z',
            actor: 'system',
            actorName: null,
            action: 'mark_no_show',
            from: 'confirmed',
            to: 'no_show',
            reason: null,
            startsAt: null,
          },
        ],
      }),
      'Asia/Shanghai',
    );
    expect(
      items.map(({ at, title, transition, moved, reason }) => ({ at, title, transition, moved, reason })),
    ).toEqual([
      { at: '11月20日 09:00', title: '客户 提交预约', transition: '待确认', moved: null, reason: null },
      {
        at: '11月21日 10:00',
        title: '陈晓明 建议其他时间',
        transition: '待确认',
        moved: '建议时间：11月26日 14:00',
        reason: '原时段车辆保养',
      },
      {
        at: '11月22日 11:00',
        title: '客户 接受新时间',
        transition: '待确认 → 已确认',
        moved: '新时间：11月26日 14:00',
        reason: null,
      },
      {
        at: '11月26日 17:00',
        title: '系统 标记未到店',
        transition: '已确认 → 未到店',
        moved: null,
        reason: null,
      },
    ]);
  });
});

describe('proposalText', () => {
  const proposal = {
    startsAt: '2026-11-26T06:00:00.000Z',
    endsAt: '2026-11-26T07:00:00.000Z',
    note: null,
    proposedAt: '2026-11-21T02:00:00.000Z',
  };

  it('describes a pending proposal, or nothing', () => {
    expect(proposalText(booking(), 'Asia/Shanghai')).toBeNull();
    expect(proposalText(booking({ proposal }), 'Asia/Shanghai')).toBe('建议改至 11月26日 14:00，待客户答复');
    expect(proposalText(booking({ proposal, status: 'confirmed' }), 'Asia/Shanghai')).not.toBeNull();
  });

  it('drops a proposal nobody can answer any more', () => {
    for (const status of ['checked_in', 'cancelled', 'rejected', 'completed', 'no_show'] as const) {
      expect(pendingProposal(booking({ proposal, status }))).toBeNull();
      expect(proposalText(booking({ proposal, status }), 'Asia/Shanghai')).toBeNull();
    }
  });
});
