import { describe, expect, it } from '@jest/globals';
import { nextStoreOpening, storeDayHours, storeOpenDayFrom } from './follow-up-hours.js';
import { sh, STORE } from './follow-up.fixtures.js';

describe('nextStoreOpening', () => {
  it('keeps a time within opening hours, closing time included', () => {
    expect(nextStoreOpening(STORE, sh('2026-11-24', '10:15'))).toEqual(sh('2026-11-24', '10:15'));
    expect(nextStoreOpening(STORE, sh('2026-11-24', '18:00'))).toEqual(sh('2026-11-24', '18:00'));
  });

  it('moves a lunch-break time to the afternoon opening', () => {
    expect(nextStoreOpening(STORE, sh('2026-11-21', '12:30'))).toEqual(sh('2026-11-21', '13:30'));
  });

  it('moves a time before opening to the opening of the same day', () => {
    expect(nextStoreOpening(STORE, sh('2026-11-24', '07:00'))).toEqual(sh('2026-11-24', '09:00'));
  });

  it('moves 23:30 on Sunday past the closed Monday to Tuesday 09:00', () => {
    expect(nextStoreOpening(STORE, sh('2026-11-22', '23:30'))).toEqual(sh('2026-11-24', '09:00'));
  });

  it('skips an extra closed date', () => {
    const holiday = { ...STORE, closedDates: ['2026-11-24'] };
    expect(nextStoreOpening(holiday, sh('2026-11-23', '10:00'))).toEqual(sh('2026-11-25', '09:00'));
  });

  it('keeps the time of a store that never opens, so no task is lost', () => {
    const never = { ...STORE, openingHours: [] };
    expect(nextStoreOpening(never, sh('2026-11-23', '10:00'))).toEqual(sh('2026-11-23', '10:00'));
  });

  it('reads hours in the store zone, not the machine zone', () => {
    const london = { ...STORE, timeZone: 'Europe/London' };
    // 08:00 in Shanghai is 00:00 in London: the London store opens at 09:00 London time.
    expect(nextStoreOpening(london, sh('2026-11-24', '08:00'))).toEqual(new Date('2026-11-24T09:00:00Z'));
  });
});

describe('storeOpenDayFrom and storeDayHours', () => {
  it('searches forward or backward over a closed Monday', () => {
    expect(storeOpenDayFrom(STORE, '2026-11-23', 1)).toBe('2026-11-24');
    expect(storeOpenDayFrom(STORE, '2026-11-23', -1)).toBe('2026-11-22');
    expect(storeOpenDayFrom(STORE, '2026-11-24', 1)).toBe('2026-11-24');
  });

  it('gives the first opening and last closing of a day with a break, null on a closed day', () => {
    expect(storeDayHours(STORE, '2026-11-22')).toEqual({
      opens: sh('2026-11-22', '09:00'),
      closes: sh('2026-11-22', '17:30'),
    });
    expect(storeDayHours(STORE, '2026-11-23')).toBeNull();
  });

  it('returns null when no day within a year is open', () => {
    expect(storeOpenDayFrom({ ...STORE, openingHours: [] }, '2026-11-23', 1)).toBeNull();
  });
});
