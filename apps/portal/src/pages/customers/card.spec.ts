import { describe, expect, it } from 'vitest';
import { cardActions, contactTitle, intentChangeText, lostReasonText, sortedTimeline } from './card';
import { intentLong, intentShort, telHref } from './format';

describe('customer card', () => {
  it('shows the timeline newest first', () => {
    const timeline = [
      { type: 'contact' as const, at: '2026-11-01T02:00:00Z', title: '来店', detail: null, refId: 1 },
      {
        type: 'test_drive' as const,
        at: '2026-11-03T02:00:00Z',
        title: '试驾 云岚 星河（已完成）',
        detail: null,
        refId: 4,
      },
      { type: 'intent' as const, at: '2026-11-02T02:00:00Z', title: 'A级', detail: null, refId: null },
    ];
    expect(sortedTimeline({ timeline }).map((e) => e.type)).toEqual(['test_drive', 'intent', 'contact']);
  });

  it('describes intent changes, contacts and the lost reason', () => {
    expect(intentChangeText({ level: 'A', previous: null })).toBe('评为 A级');
    expect(intentChangeText({ level: 'H', previous: 'B' })).toBe('B级 → H级');
    expect(contactTitle({ channel: 'inbound_call', byName: '陈晓明' })).toBe('来电 · 陈晓明');
    expect(lostReasonText({ category: 'competitor', note: '已订竞品', at: '2026-11-05T00:00:00Z' })).toBe(
      '购买竞品：已订竞品',
    );
    expect(lostReasonText({ category: 'price', note: null, at: '2026-11-05T00:00:00Z' })).toBe('价格原因');
  });

  it('offers 战败 only while the prospect is followed, and the hand-over to managers', () => {
    expect(cardActions({ status: 'active' }, 'consultant')).toEqual({ markLost: true, reassign: false });
    expect(cardActions({ status: 'lost' }, 'manager')).toEqual({ markLost: false, reassign: true });
    expect(cardActions({ status: 'won' }, 'admin').markLost).toBe(false);
  });

  it('formats levels and dial links', () => {
    expect(intentShort(null)).toBe('未评级');
    expect(intentShort('H')).toBe('H级');
    expect(intentLong('C')).toBe('C级（3个月内购车）');
    expect(telHref('138 0013-8000')).toBe('tel:13800138000');
  });
});
