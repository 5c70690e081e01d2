import type { DayAvailability, TimeSlot } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { booking } from './fixtures';
import { proposableSlots } from './propose';

const slot = (startsAt: string, localStart: string, remaining: number): TimeSlot => ({
  startsAt,
  endsAt: startsAt,
  localStart,
  localEnd: localStart,
  capacity: 2,
  held: 2 - remaining,
  remaining,
});

describe('proposableSlots', () => {
  const day: DayAvailability = {
    date: '2026-11-25',
    open: true,
    remaining: 3,
    slots: [
      slot('2026-11-25T06:00:00.000Z', '14:00', 2),
      slot('2026-11-25T02:00:00.000Z', '10:00', 1),
      slot('2026-11-25T03:15:00.000Z', '11:15', 0),
    ],
  };

  it('lists the day’s slots in order without the booking’s own, full ones included', () => {
    expect(
      proposableSlots(day, booking({ startsAt: '2026-11-25T10:00:00+08:00' })).map((s) => s.localStart),
    ).toEqual(['11:15', '14:00']);
  });

  it('offers nothing on a closed day', () => {
    expect(proposableSlots({ ...day, open: false }, booking())).toEqual([]);
  });
});
