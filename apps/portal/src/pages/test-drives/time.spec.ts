import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateLabel,
  dayHeader,
  isCalendarDate,
  isoWeekdayOf,
  localDateOf,
  localDateTime,
  localSlotLabel,
  localTime,
  localTimeRange,
  storeToday,
} from './time';

// 2026-11-24T17:30Z is already the 25th in Shanghai but still the 24th in New York.
const lateEvening = '2026-11-24T17:30:00.000Z';

describe('store-local formatting', () => {
  it('shows instants in the store’s zone, whatever the browser’s', () => {
    expect(localTime(lateEvening, 'Asia/Shanghai')).toBe('01:30');
    expect(localTime(lateEvening, 'America/New_York')).toBe('12:30');
    expect(localDateTime(lateEvening, 'Asia/Shanghai')).toBe('11月25日 01:30');
    expect(localDateOf(lateEvening, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDateOf(lateEvening, 'America/New_York')).toBe('2026-11-24');
  });

  it('formats slot ranges', () => {
    expect(localTimeRange('2026-11-25T02:00:00Z', '2026-11-25T03:00:00Z', 'Asia/Shanghai')).toBe(
      '10:00–11:00',
    );
    expect(localSlotLabel('2026-11-25T02:00:00Z', '2026-11-25T03:00:00Z', 'Asia/Shanghai')).toBe(
      '11月25日 10:00–11:00',
    );
  });

  it('knows the store’s today', () => {
    expect(storeToday('Asia/Shanghai', new Date(lateEvening))).toBe('2026-11-25');
    expect(storeToday('Europe/London', new Date(lateEvening))).toBe('2026-11-24');
  });
});

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isCalendarDate('2026-11-25')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '', null, undefined, 'today'])
      expect(isCalendarDate(bad)).toBe(false);
  });

  it('names weekdays and headers without any time zone', () => {
    expect(isoWeekdayOf('2026-11-25')).toBe(3);
    expect(isoWeekdayOf('2026-11-29')).toBe(7);
    expect(dayHeader('2026-11-25')).toBe('11/25 周三');
    expect(dateLabel('2026-11-29')).toBe('11月29日 周日');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
