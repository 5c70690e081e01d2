import { describe, expect, it } from '@jest/globals';
import type { StoreSchedule } from '../test-drive/availability.js';
import { zonedToUtc } from '../time/zoned-time.js';
import {
  checklistsFromTemplates,
  generateOrderNumber,
  isOfferedOption,
  ORDER_NUMBER_PATTERN,
  tickChecklistItem,
  validateChecklistTemplate,
  validateDateOptions,
  validatePromisedWindow,
} from './delivery-rules.js';
import { DEFAULT_DELIVERY_CHECKLISTS } from './delivery.types.js';

const TZ = 'Asia/Shanghai';
const store: StoreSchedule = {
  timeZone: TZ,
  // Closed on Mondays, like the demo stores.
  openingHours: [2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday: weekday as 2 | 3 | 4 | 5 | 6 | 7,
    opens: '09:00',
    closes: '18:00',
  })),
  closedDates: ['2026-12-01'],
};
const NOW = zonedToUtc('2026-11-23', '10:00', TZ);

describe('validateDateOptions', () => {
  it('turns one to three store-local choices into sorted instants', () => {
    const { errors, options } = validateDateOptions(
      [
        { date: '2026-11-29', time: '14:00' },
        { date: '2026-11-28', time: '09:00' },
      ],
      store,
      NOW,
    );
    expect(errors).toEqual([]);
    expect(options).toEqual([
      { startsAt: '2026-11-28T01:00:00.000Z', localDate: '2026-11-28', localTime: '09:00' },
      { startsAt: '2026-11-29T06:00:00.000Z', localDate: '2026-11-29', localTime: '14:00' },
    ]);
  });

  it('refuses none, more than three, closed days, outside hours, too soon, too far, duplicates and bad formats', () => {
    expect(validateDateOptions([], store, NOW).errors).toEqual([
      { field: 'options', message: '请提供1到3个交车时间' },
    ]);
    expect(
      validateDateOptions(Array(4).fill({ date: '2026-11-28', time: '10:00' }), store, NOW).errors,
    ).toHaveLength(1);
    const cases: Array<[string, string, string]> = [
      ['2026-11-30', '10:00', '门店不营业'], // a Monday
      ['2026-12-01', '10:00', '门店不营业'], // a closed date
      ['2026-11-28', '08:30', '门店不营业'],
      ['2026-11-28', '18:00', '门店不营业'],
      ['2027-06-01', '10:00', '不能超过120天'],
      ['2026-11-31', '10:00', 'YYYY-MM-DD'],
      ['2026-11-28', '9:00', 'HH:mm'],
    ];
    for (const [date, time, message] of cases) {
      const { errors, options } = validateDateOptions([{ date, time }], store, NOW);
      expect(options).toEqual([]);
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
    }
    expect(
      validateDateOptions(
        [{ date: '2026-11-24', time: '11:00' }],
        store,
        zonedToUtc('2026-11-24', '10:00', TZ),
      ).errors[0]?.message,
    ).toContain('2小时');
    expect(
      validateDateOptions(
        [
          { date: '2026-11-28', time: '10:00' },
          { date: '2026-11-28', time: '10:00' },
        ],
        store,
        NOW,
      ).errors,
    ).toEqual([{ field: 'options.1', message: '交车时间不能重复' }]);
  });
});

describe('isOfferedOption', () => {
  it('matches the same instant however it is written', () => {
    const options = [{ startsAt: '2026-11-28T01:00:00.000Z' }];
    expect(isOfferedOption(options, '2026-11-28T09:00:00+08:00')).toBe(true);
    expect(isOfferedOption(options, '2026-11-28T01:30:00.000Z')).toBe(false);
    expect(isOfferedOption(options, 'not a date')).toBe(false);
    expect(isOfferedOption([], '2026-11-28T01:00:00.000Z')).toBe(false);
  });
});

describe('validatePromisedWindow', () => {
  it('wants real dates in order, not over, at most 90 days long', () => {
    expect(validatePromisedWindow('2026-11-25', '2026-12-05', '2026-11-23')).toEqual([]);
    expect(validatePromisedWindow('2026-11-20', '2026-11-23', '2026-11-23')).toEqual([]);
    expect(validatePromisedWindow('2026-11-31', '2026-12-05', '2026-11-23')[0]?.field).toBe('promisedFrom');
    expect(validatePromisedWindow('2026-12-05', '2026-11-25', '2026-11-23')[0]?.message).toContain(
      '不能早于',
    );
    expect(validatePromisedWindow('2026-11-01', '2026-11-22', '2026-11-23')[0]?.message).toContain('过去');
    expect(validatePromisedWindow('2026-11-25', '2027-03-01', '2026-11-23')[0]?.message).toContain('90');
  });
});

describe('checklists', () => {
  it('ships the dealership’s PDI, handover and what-to-bring lists, all valid', () => {
    expect(DEFAULT_DELIVERY_CHECKLISTS.pdi.map((item) => item.key)).toEqual([
      'pdi',
      'plates',
      'registration',
      'warranty',
      'invoice',
      'cleaning',
    ]);
    expect(DEFAULT_DELIVERY_CHECKLISTS.handover.map((item) => item.key)).toEqual([
      'documents',
      'keys',
      'tools',
      'spare_tyre',
      'features',
      'service_booking',
    ]);
    for (const [kind, items] of Object.entries(DEFAULT_DELIVERY_CHECKLISTS)) {
      expect(validateChecklistTemplate(items, kind)).toEqual([]);
    }
  });

  it('refuses empty, oversized, duplicate or malformed lists', () => {
    expect(validateChecklistTemplate([], 'pdi')).toHaveLength(1);
    expect(validateChecklistTemplate(Array(21).fill({ key: 'a', label: 'x' }), 'pdi')).toHaveLength(1);
    expect(
      validateChecklistTemplate(
        [
          { key: 'wash', label: '洗车' },
          { key: 'wash', label: '再洗一次' },
          { key: 'Bad-Key', label: '坏编码' },
          { key: 'empty', label: '   ' },
          { key: 'long', label: '长'.repeat(41) },
        ],
        'pdi',
      ).map((error) => error.field),
    ).toEqual(['pdi.1.key', 'pdi.2.key', 'pdi.3.label', 'pdi.4.label']);
  });

  it('starts every item unticked and ticks one item with who and when', () => {
    const lists = checklistsFromTemplates(DEFAULT_DELIVERY_CHECKLISTS);
    expect(lists.pdi.every((item) => !item.done && item.doneAt === null)).toBe(true);
    const at = new Date('2026-11-27T02:00:00Z');
    const ticked = tickChecklistItem(lists.pdi, 'plates', true, { name: '陈明', at })!;
    expect(ticked.find((item) => item.key === 'plates')).toMatchObject({
      done: true,
      doneAt: at.toISOString(),
      doneByName: '陈明',
    });
    expect(ticked.filter((item) => item.done)).toHaveLength(1);
    const unticked = tickChecklistItem(ticked, 'plates', false, { name: '陈明', at })!;
    expect(unticked.find((item) => item.key === 'plates')).toMatchObject({ done: false, doneByName: null });
    expect(tickChecklistItem(lists.pdi, 'nope', true, { name: '陈明', at })).toBeNull();
  });
});

describe('generateOrderNumber', () => {
  it('writes SO, the store-local date and four readable characters', () => {
    let i = 0;
    const number = generateOrderNumber('2026-11-23', () => [0, 0.5, 0.99, 1][i++ % 4]!);
    expect(number).toMatch(ORDER_NUMBER_PATTERN);
    expect(number.startsWith('SO20261123')).toBe(true);
  });
});
