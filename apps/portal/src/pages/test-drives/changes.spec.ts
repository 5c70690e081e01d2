import { describe, expect, it } from 'vitest';
import { changeKey, changeLink, changeText, unseenChanges, type CustomerChange } from './changes';

const change = (overrides: Partial<CustomerChange> = {}): CustomerChange => ({
  bookingId: 5,
  action: 'cancel',
  at: '2026-11-24T08:00:00.000Z',
  customerName: '张三',
  startsAt: '2026-11-25T02:00:00.000Z',
  ...overrides,
});

describe('changeText', () => {
  it('says what the customer did, at the store’s local time', () => {
    expect(changeText(change(), 'Asia/Shanghai')).toBe('张三 取消了 11月25日 10:00 的试驾');
    expect(changeText(change({ action: 'create' }), 'Asia/Shanghai')).toBe(
      '张三 预约了 11月25日 10:00 的试驾',
    );
    expect(changeText(change({ action: 'reschedule' }), 'Asia/Shanghai')).toBe(
      '张三 将试驾改到了 11月25日 10:00',
    );
    expect(changeText(change({ action: 'accept_proposal' }), 'Asia/Shanghai')).toBe(
      '张三 接受了建议的新时间 11月25日 10:00',
    );
    expect(changeText(change({ action: 'decline_proposal' }), 'Asia/Shanghai')).toBe(
      '张三 未接受建议的新时间，试驾仍为 11月25日 10:00',
    );
  });

  it('uses the store’s zone for the date too', () => {
    expect(changeText(change({ startsAt: '2026-11-24T17:00:00.000Z' }), 'Asia/Shanghai')).toBe(
      '张三 取消了 11月25日 01:00 的试驾',
    );
  });
});

describe('unseenChanges', () => {
  it('returns each change once, oldest first, across polls', () => {
    const seen = new Set<string>();
    const a = change({ bookingId: 1, at: '2026-11-24T08:00:02.000Z' });
    const b = change({ bookingId: 2, at: '2026-11-24T08:00:01.000Z' });
    expect(unseenChanges([a, b], seen)).toEqual([b, a]);
    // The next poll repeats the edge of the last one.
    const c = change({ bookingId: 1, action: 'reschedule', at: '2026-11-24T08:00:09.000Z' });
    expect(unseenChanges([a, c], seen)).toEqual([c]);
    expect(unseenChanges([a, b, c], seen)).toEqual([]);
  });

  it('tells apart two actions on one booking at different times', () => {
    expect(changeKey(change({ action: 'reschedule' }))).not.toBe(changeKey(change({ action: 'cancel' })));
  });
});

describe('changeLink', () => {
  it('opens the booking on its store-local day', () => {
    expect(changeLink(change({ startsAt: '2026-11-24T17:00:00.000Z' }), 'Asia/Shanghai')).toBe(
      '/test-drives?date=2026-11-25&booking=5',
    );
  });
});
