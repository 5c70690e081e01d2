import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, daysBetween, isIsoDate, utcToZoned, weekdayOf, zonedToUtc } from './zoned-time.js';

const iso = (date: Date): string => date.toISOString();

describe('zonedToUtc', () => {
  it('converts Shanghai wall time (UTC+8 all year)', () => {
    expect(iso(zonedToUtc('2026-11-24', '09:00', 'Asia/Shanghai'))).toBe('2026-11-24T01:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-01', '09:00', 'Asia/Shanghai'))).toBe('2026-07-01T01:00:00.000Z');
    expect(iso(zonedToUtc('2026-01-01', '07:59', 'Asia/Shanghai'))).toBe('2025-12-31T23:59:00.000Z');
  });

  it('treats 24:00 as midnight at the end of the day', () => {
    expect(iso(zonedToUtc('2026-12-31', '24:00', 'Asia/Shanghai'))).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(zonedToUtc('2026-12-31', '24:00', 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
  });

  it('follows New York standard and daylight time', () => {
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '09:00', 'America/New_York'))).toBe('2026-07-15T13:00:00.000Z');
  });

  it('handles the spring-forward day (8 March 2026, 02:00 → 03:00)', () => {
    expect(iso(zonedToUtc('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', '03:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', '09:00', 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    // 02:30 does not exist: moved forward by the gap.
    expect(iso(zonedToUtc('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', '00:00', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
  });

  it('handles the fall-back day (1 November 2026, 02:00 → 01:00)', () => {
    // 01:30 happens twice: the first (daylight) occurrence wins.
    expect(iso(zonedToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', '00:30', 'America/New_York'))).toBe('2026-11-01T04:30:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', '02:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', '09:00', 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-11-01', '24:00', 'America/New_York'))).toBe('2026-11-02T05:00:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(() => zonedToUtc('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-2-3', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-02-03', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-02-03', '24:01', 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc('2026-02-03', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('utcToZoned', () => {
  it('gives the store-local date, time and weekday', () => {
    const instant = new Date('2026-11-23T17:30:00Z');
    expect(utcToZoned(instant, 'Asia/Shanghai')).toEqual({ date: '2026-11-24', time: '01:30', weekday: 2 });
    expect(utcToZoned(instant, 'UTC')).toEqual({ date: '2026-11-23', time: '17:30', weekday: 1 });
    expect(utcToZoned(instant, 'America/New_York')).toEqual({
      date: '2026-11-23',
      time: '12:30',
      weekday: 1,
    });
  });

  it('shows both occurrences of a repeated hour and midnight as 00:00', () => {
    expect(utcToZoned(new Date('2026-11-01T05:30:00Z'), 'America/New_York').time).toBe('01:30');
    expect(utcToZoned(new Date('2026-11-01T06:30:00Z'), 'America/New_York').time).toBe('01:30');
    expect(utcToZoned(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2027-01-01',
      time: '00:00',
      weekday: 5,
    });
  });

  it('refuses an invalid date', () => {
    expect(() => utcToZoned(new Date('nope'), 'UTC')).toThrow(RangeError);
  });

  it('round-trips every wall time that exists (property)', () => {
    const zones = fc.constantFrom(
      'Asia/Shanghai',
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
    );
    const instants = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 });
    fc.assert(
      fc.property(zones, instants, (zone, minute) => {
        const instant = new Date(minute * 60_000);
        const local = utcToZoned(instant, zone);
        const back = zonedToUtc(local.date, local.time, zone);
        // Equal, or the earlier occurrence of a repeated wall time (at most one hour before).
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(60 * 60_000);
        expect(utcToZoned(back, zone)).toEqual(local);
      }),
      { numRuns: 500 },
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-24', 1, '2026-11-25'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-08', 1, '2026-03-09'], // a DST day in New York changes nothing
    ['2026-11-24', 0, '2026-11-24'],
    ['2026-11-24', 14, '2026-12-08'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses malformed dates and fractional days', () => {
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-24', 0.5)).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });
});

describe('isIsoDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(daysBetween('2026-11-23', '2026-11-26')).toBe(3);
    expect(daysBetween('2026-11-26', '2026-11-23')).toBe(-3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('agrees with addDays', () => {
    for (const n of [-400, -1, 0, 1, 59, 365, 1000])
      expect(daysBetween('2026-03-01', addDays('2026-03-01', n))).toBe(n);
  });
});
