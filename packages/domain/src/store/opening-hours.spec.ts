import { describe, expect, it } from '@jest/globals';
import {
  formatOpeningHours,
  isClosedDate,
  parseClockTime,
  periodsOn,
  validateOpeningHours,
} from './opening-hours.js';
import type { IsoWeekday, OpeningPeriod } from './store.types.js';

const every = (weekdays: IsoWeekday[], opens: string, closes: string): OpeningPeriod[] =>
  weekdays.map((weekday) => ({ weekday, opens, closes }));

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['17:30', 1050],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s → %d', (value, minutes) => {
    expect(parseClockTime(value)).toBe(minutes);
  });

  it.each(['', '9:00', '09:0', '0900', '09:60', '24:01', '25:00', ' 09:00', '09:00:00', '０９:００'])(
    'is null for %j',
    (value) => {
      expect(parseClockTime(value)).toBeNull();
    },
  );
});

describe('validateOpeningHours', () => {
  it('accepts a typical week, split days and a midnight close', () => {
    expect(
      validateOpeningHours([...every(WEEKDAYS, '09:00', '18:00'), ...every([6, 7], '09:30', '17:30')]),
    ).toEqual([]);
    expect(
      validateOpeningHours([
        { weekday: 1, opens: '13:30', closes: '18:00' },
        { weekday: 1, opens: '09:00', closes: '13:30' }, // touching is not overlapping
        { weekday: 5, opens: '18:00', closes: '24:00' },
      ]),
    ).toEqual([]);
    expect(validateOpeningHours([])).toEqual([]);
  });

  it('reports malformed times', () => {
    expect(validateOpeningHours([{ weekday: 2, opens: '9:00', closes: '18:00' }])).toEqual([
      '周二开始时间格式不正确：“9:00”（应为 HH:mm）',
    ]);
    expect(validateOpeningHours([{ weekday: 2, opens: '09:00', closes: '25:00' }])).toEqual([
      '周二结束时间格式不正确：“25:00”（应为 HH:mm）',
    ]);
  });

  it('reports a period that does not open before it closes', () => {
    expect(validateOpeningHours([{ weekday: 3, opens: '18:00', closes: '09:00' }])).toEqual([
      '周三开始时间 18:00 须早于结束时间 09:00',
    ]);
    expect(validateOpeningHours([{ weekday: 3, opens: '09:00', closes: '09:00' }])).toHaveLength(1);
  });

  it('reports overlapping periods on the same weekday only', () => {
    expect(
      validateOpeningHours([
        { weekday: 6, opens: '09:00', closes: '12:00' },
        { weekday: 6, opens: '11:00', closes: '14:00' },
        { weekday: 7, opens: '11:00', closes: '14:00' },
      ]),
    ).toEqual(['周六营业时段 09:00–12:00 与 11:00–14:00 重叠']);
  });

  it('reports a period nested inside a longer one and exact duplicates', () => {
    expect(
      validateOpeningHours([
        { weekday: 1, opens: '09:00', closes: '18:00' },
        { weekday: 1, opens: '10:00', closes: '11:00' },
        { weekday: 1, opens: '12:00', closes: '13:00' },
      ]),
    ).toEqual([
      '周一营业时段 09:00–18:00 与 10:00–11:00 重叠',
      '周一营业时段 09:00–18:00 与 12:00–13:00 重叠',
    ]);
    expect(validateOpeningHours(every([4, 4], '09:00', '18:00'))).toEqual([
      '周四营业时段 09:00–18:00 与 09:00–18:00 重叠',
    ]);
  });

  it('reports weekdays outside 1–7', () => {
    const periods = [
      { weekday: 0, opens: '09:00', closes: '18:00' },
      { weekday: 8, opens: '09:00', closes: '18:00' },
    ] as unknown as OpeningPeriod[];
    expect(validateOpeningHours(periods)).toEqual([
      '第1个营业时段的星期无效：0（应为1–7）',
      '第2个营业时段的星期无效：8（应为1–7）',
    ]);
  });
});

describe('periodsOn', () => {
  it('returns the periods of one weekday, earliest first', () => {
    const periods: OpeningPeriod[] = [
      { weekday: 1, opens: '13:30', closes: '18:00' },
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '09:00', closes: '12:00' },
    ];
    expect(periodsOn(periods, 1)).toEqual([
      { weekday: 1, opens: '09:00', closes: '12:00' },
      { weekday: 1, opens: '13:30', closes: '18:00' },
    ]);
    expect(periodsOn(periods, 7)).toEqual([]);
  });
});

describe('formatOpeningHours', () => {
  it('merges consecutive weekdays with identical hours', () => {
    expect(
      formatOpeningHours([...every(WEEKDAYS, '09:00', '18:00'), ...every([6, 7], '09:30', '17:30')]),
    ).toEqual(['周一至周五 09:00–18:00', '周六至周日 09:30–17:30']);
  });

  it('shows closed days and does not merge across them', () => {
    expect(formatOpeningHours(every([1, 2, 4, 5, 6, 7], '09:00', '18:00'))).toEqual([
      '周一至周二 09:00–18:00',
      '周三 休息',
      '周四至周日 09:00–18:00',
    ]);
  });

  it('lists split days in time order regardless of input order', () => {
    expect(
      formatOpeningHours([
        ...every([6], '13:30', '17:30'),
        ...every([6], '09:00', '12:00'),
        ...every(WEEKDAYS, '08:30', '17:30'),
      ]),
    ).toEqual(['周一至周五 08:30–17:30', '周六 09:00–12:00、13:30–17:30', '周日 休息']);
  });

  it('describes a store that is open every day or never', () => {
    expect(formatOpeningHours(every([1, 2, 3, 4, 5, 6, 7], '08:00', '20:00'))).toEqual([
      '周一至周日 08:00–20:00',
    ]);
    expect(formatOpeningHours([])).toEqual(['周一至周日 休息']);
  });
});

describe('isClosedDate', () => {
  const closedDates = ['2025-01-28', '2025-01-29', '2025-10-01'];

  it('is true only for listed dates', () => {
    expect(isClosedDate(closedDates, '2025-01-29')).toBe(true);
    expect(isClosedDate(closedDates, '2025-10-01')).toBe(true);
    expect(isClosedDate(closedDates, '2025-01-30')).toBe(false);
    expect(isClosedDate([], '2025-01-29')).toBe(false);
  });
});
