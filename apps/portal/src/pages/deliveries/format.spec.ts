import { describe, expect, it } from 'vitest';
import { created, option, order } from './fixtures';
import { carLabel, optionLabel, promisedLabel, timelineItems } from './format';

describe('labels', () => {
  it('say the date, weekday and time of an option', () => {
    expect(optionLabel(option('2026-11-26', '10:00'))).toBe('11月26日 周四 10:00');
  });

  it('say the promised window and the car', () => {
    expect(promisedLabel({ promisedFrom: '2026-11-25', promisedTo: '2026-12-05' })).toBe(
      '11月25日 – 12月5日',
    );
    expect(promisedLabel({ promisedFrom: '2026-11-25', promisedTo: '2026-11-25' })).toBe('11月25日');
    expect(carLabel(order())).toBe('云岚 S7 · 长续航版 · 星河蓝');
  });
});

describe('timelineItems', () => {
  it('tells who did what, oldest first, in the store’s zone', () => {
    const items = timelineItems(
      order({
        timeline: [
          {
            at: '2026-11-22T06:30:00.000Z',
            actor: 'customer',
            actorName: null,
            action: 'choose_date',
            fromStatus: 'scheduling',
            toStatus: 'date_confirmed',
            note: '两人到店',
          },
          created(),
          {
            at: '2026-11-25T01:00:00.000Z',
            actor: 'staff',
            actorName: null,
            action: 'declare_delay',
            fromStatus: 'date_confirmed',
            toStatus: 'scheduling',
            note: '物流延误',
          },
        ],
      }),
      'Asia/Shanghai',
    );
    expect(items.map((i) => [i.at, i.title, i.transition, i.note])).toEqual([
      ['11月20日 10:00', '陈晓明 创建订单', '待定交车时间', null],
      ['11月22日 14:30', '客户 选择交车时间', '待定交车时间 → 交车时间已确认', '两人到店'],
      ['11月25日 09:00', '门店 登记交车延期', '交车时间已确认 → 待定交车时间', '物流延误'],
    ]);
  });
});
