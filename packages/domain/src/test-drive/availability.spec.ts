import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { IsoWeekday, OpeningPeriod } from '../store/store.types.js';
import { addDays, utcToZoned, zonedToUtc } from '../time/zoned-time.js';
import {
  computeAvailability,
  findBookableSlot,
  isBookableSlot,
  isOpenOn,
  nearestFreeSlots,
  slotGridForDay,
} from './availability.js';
import type { StoreSchedule } from './availability.js';
import { DEFAULT_BOOKING_POLICY } from './booking.types.js';
import type { BookingPolicy, DayAvailability, TimeSlot } from './booking.types.js';

const every = (weekdays: IsoWeekday[], opens: string, closes: string): OpeningPeriod[] =>
  weekdays.map((weekday) => ({ weekday, opens, closes }));

/** Tuesday to Sunday 08:30–18:00, closed on Mondays and on 1 January. */
const SHANGHAI_STORE: StoreSchedule = {
  timeZone: 'Asia/Shanghai',
  openingHours: every([2, 3, 4, 5, 6, 7], '08:30', '18:00'),
  closedDates: ['2027-01-01'],
};

const POLICY: BookingPolicy = { ...DEFAULT_BOOKING_POLICY }; // 60 + 15 min, 120 min notice, 14 days

/** Tuesday 24 November 2026, 07:00 in Shanghai. */
const NOW = new Date('2026-11-23T23:00:00Z');

const localStarts = (slots: ReadonlyArray<{ localStart: string }>): string[] =>
  slots.map((s) => s.localStart);

const shanghai = (date: string, time: string): string =>
  zonedToUtc(date, time, 'Asia/Shanghai').toISOString();

describe('slotGridForDay', () => {
  it('starts at opening and then every slot + buffer; the last slot ends by closing', () => {
    const grid = slotGridForDay('2026-11-24', SHANGHAI_STORE, POLICY);
    expect(localStarts(grid)).toEqual(['08:30', '09:45', '11:00', '12:15', '13:30', '14:45', '16:00']);
    expect(grid.at(-1)).toEqual({
      startsAt: '2026-11-24T08:00:00.000Z',
      endsAt: '2026-11-24T09:00:00.000Z',
      localStart: '16:00',
      localEnd: '17:00',
    });
  });

  it('gives UTC instants with Z (09:00 in Shanghai is 01:00Z)', () => {
    const store = { ...SHANGHAI_STORE, openingHours: every([2], '09:00', '12:00') };
    expect(slotGridForDay('2026-11-24', store, POLICY)[0]).toEqual({
      startsAt: '2026-11-24T01:00:00.000Z',
      endsAt: '2026-11-24T02:00:00.000Z',
      localStart: '09:00',
      localEnd: '10:00',
    });
  });

  it('includes a slot ending exactly at closing', () => {
    const store = { ...SHANGHAI_STORE, openingHours: every([2], '09:00', '11:15') };
    expect(localStarts(slotGridForDay('2026-11-24', store, POLICY))).toEqual(['09:00', '10:15']);
    const shorter = { ...store, openingHours: every([2], '09:00', '11:14') };
    expect(localStarts(slotGridForDay('2026-11-24', shorter, POLICY))).toEqual(['09:00']);
  });

  it('has no slots on a closed weekday, on a closed date, or when a period is shorter than a slot', () => {
    expect(slotGridForDay('2026-11-23', SHANGHAI_STORE, POLICY)).toEqual([]); // Monday
    expect(slotGridForDay('2027-01-01', SHANGHAI_STORE, POLICY)).toEqual([]); // Friday, closed date
    const short = { ...SHANGHAI_STORE, openingHours: every([2], '09:00', '09:45') };
    expect(slotGridForDay('2026-11-24', short, POLICY)).toEqual([]);
  });

  it('restarts the grid after a lunch break', () => {
    const store = {
      ...SHANGHAI_STORE,
      openingHours: [
        { weekday: 6 as const, opens: '13:30', closes: '17:30' },
        { weekday: 6 as const, opens: '09:00', closes: '12:00' },
      ],
    };
    expect(localStarts(slotGridForDay('2026-11-28', store, POLICY))).toEqual([
      '09:00',
      '10:15',
      '13:30',
      '14:45',
      '16:00',
    ]);
  });

  it('keeps the buffer across touching periods', () => {
    const store = {
      ...SHANGHAI_STORE,
      openingHours: [
        { weekday: 2 as const, opens: '09:00', closes: '11:15' },
        { weekday: 2 as const, opens: '11:15', closes: '14:00' },
      ],
    };
    // 11:15 would start with no buffer after the 10:15–11:15 drive; the next grid start is 12:30.
    expect(localStarts(slotGridForDay('2026-11-24', { ...store }, { ...POLICY, slotMinutes: 60 }))).toEqual([
      '09:00',
      '10:15',
      '12:30',
    ]);
  });

  it('handles a store open until midnight', () => {
    const store = { timeZone: 'UTC', openingHours: every([2], '21:00', '24:00'), closedDates: [] };
    const grid = slotGridForDay('2026-11-24', store, { ...POLICY, slotMinutes: 60, bufferMinutes: 0 });
    expect(localStarts(grid)).toEqual(['21:00', '22:00', '23:00']);
    expect(grid.at(-1)).toMatchObject({ endsAt: '2026-11-25T00:00:00.000Z', localEnd: '00:00' });
  });

  it('skips wall times that do not exist on the New York spring-forward day', () => {
    const store = {
      timeZone: 'America/New_York',
      openingHours: every([7], '00:00', '06:00'),
      closedDates: [],
    };
    const grid = slotGridForDay('2026-03-08', store, { ...POLICY, slotMinutes: 30, bufferMinutes: 0 });
    expect(localStarts(grid)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '03:00',
      '03:30',
      '04:00',
      '04:30',
      '05:00',
      '05:30',
    ]);
    expect(grid[3]).toMatchObject({ startsAt: '2026-03-08T06:30:00.000Z', localEnd: '03:00' });
    expect(grid[4]!.startsAt).toBe('2026-03-08T07:00:00.000Z');
  });

  it('never overlaps drives when a slot runs over the jump', () => {
    const store = {
      timeZone: 'America/New_York',
      openingHours: every([7], '00:00', '08:00'),
      closedDates: [],
    };
    const grid = slotGridForDay('2026-03-08', store, { ...POLICY, slotMinutes: 90, bufferMinutes: 0 });
    // 01:30 EST runs until 04:00 EDT, so the 03:00 start would overlap it.
    expect(localStarts(grid)).toEqual(['00:00', '01:30', '04:30', '06:00']);
  });

  it('keeps an hour more between the slots of the fall-back night', () => {
    const store = {
      timeZone: 'America/New_York',
      openingHours: every([7], '00:00', '04:00'),
      closedDates: [],
    };
    const grid = slotGridForDay('2026-11-01', store, { ...POLICY, slotMinutes: 60, bufferMinutes: 0 });
    expect(grid.map((s) => [s.localStart, s.startsAt, s.localEnd])).toEqual([
      ['00:00', '2026-11-01T04:00:00.000Z', '01:00'],
      ['01:00', '2026-11-01T05:00:00.000Z', '01:00'], // first 01:00 (EDT) to second 01:00 (EST)
      ['02:00', '2026-11-01T07:00:00.000Z', '03:00'],
      ['03:00', '2026-11-01T08:00:00.000Z', '04:00'],
    ]);
  });

  it('refuses a policy that would never advance', () => {
    expect(() => slotGridForDay('2026-11-24', SHANGHAI_STORE, { ...POLICY, slotMinutes: 0 })).toThrow(
      RangeError,
    );
    expect(() => slotGridForDay('2026-11-24', SHANGHAI_STORE, { ...POLICY, bufferMinutes: -5 })).toThrow(
      RangeError,
    );
  });
});

describe('isOpenOn', () => {
  it('is false on closed weekdays and dates', () => {
    expect(isOpenOn(SHANGHAI_STORE, '2026-11-24')).toBe(true);
    expect(isOpenOn(SHANGHAI_STORE, '2026-11-23')).toBe(false);
    expect(isOpenOn(SHANGHAI_STORE, '2027-01-01')).toBe(false);
  });
});

describe('computeAvailability', () => {
  const base = { store: SHANGHAI_STORE, policy: POLICY, carsInService: 2, holds: [], now: NOW };

  it('lists the horizon from the store-local today, Mondays closed', () => {
    const days = computeAvailability(base);
    expect(days).toHaveLength(14);
    expect(days[0]!.date).toBe('2026-11-24');
    expect(days.at(-1)!.date).toBe('2026-12-07');
    const mondays = days.filter((d) => ['2026-11-30', '2026-12-07'].includes(d.date));
    expect(mondays).toEqual([
      { date: '2026-11-30', open: false, slots: [], remaining: 0 },
      { date: '2026-12-07', open: false, slots: [], remaining: 0 },
    ]);
    expect(days[1]).toMatchObject({ date: '2026-11-25', open: true, remaining: 14 });
  });

  it('marks a closed date as closed', () => {
    const days = computeAvailability({ ...base, now: new Date('2026-12-30T02:00:00Z'), days: 3 });
    expect(days.map((d) => [d.date, d.open, d.slots.length])).toEqual([
      ['2026-12-30', true, 4],
      ['2026-12-31', true, 7],
      ['2027-01-01', false, 0],
    ]);
  });

  it('cuts today off at now + notice', () => {
    // 10:10 in Shanghai + 120 min notice: 12:15 is the first bookable start.
    const now = new Date(shanghai('2026-11-24', '10:10'));
    const [today] = computeAvailability({ ...base, now, days: 1 });
    expect(localStarts(today!.slots)).toEqual(['12:15', '13:30', '14:45', '16:00']);
    // Exactly at the cut-off the slot is still bookable.
    const exact = new Date(shanghai('2026-11-24', '10:15'));
    expect(localStarts(computeAvailability({ ...base, now: exact, days: 1 })[0]!.slots)[0]).toBe('12:15');
  });

  it('uses the store-local date, whatever the server zone', () => {
    // 17:30 UTC on Monday the 23rd is already 01:30 on Tuesday the 24th in Shanghai.
    const days = computeAvailability({ ...base, now: new Date('2026-11-23T17:30:00Z'), days: 1 });
    expect(days[0]!.date).toBe('2026-11-24');
    expect(days[0]!.slots[0]!.localStart).toBe('08:30');
  });

  it('counts holds per slot start and never goes below zero', () => {
    const slot915 = shanghai('2026-11-25', '09:45');
    const days = computeAvailability({
      ...base,
      days: 2,
      holds: [
        { startsAt: shanghai('2026-11-25', '08:30') },
        { startsAt: slot915 },
        { startsAt: '2026-11-25T01:45:00Z' }, // the same instant written differently
        { startsAt: slot915 }, // over capacity, e.g. a car taken out of service
        { startsAt: shanghai('2026-11-25', '09:00') }, // not a slot start: ignored
        { startsAt: 'garbage' },
      ],
    });
    const wednesday = days[1]!;
    expect(wednesday.slots.slice(0, 3).map((s) => [s.localStart, s.capacity, s.held, s.remaining])).toEqual([
      ['08:30', 2, 1, 1],
      ['09:45', 2, 3, 0],
      ['11:00', 2, 0, 2],
    ]);
    expect(wednesday.remaining).toBe(7 * 2 - 1 - 2);
  });

  it('lists slots with no cars in service as full', () => {
    const [today] = computeAvailability({ ...base, carsInService: 0, days: 1 });
    expect(today!.slots.length).toBeGreaterThan(0);
    expect(today!.slots.every((s) => s.remaining === 0 && s.capacity === 0)).toBe(true);
    expect(today!.remaining).toBe(0);
  });

  it('clips fromDate and days to today … horizon', () => {
    const dates = (days: DayAvailability[]): string[] => days.map((d) => d.date);
    expect(dates(computeAvailability({ ...base, fromDate: '2026-12-05', days: 7 }))).toEqual([
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    expect(dates(computeAvailability({ ...base, fromDate: '2026-11-23', days: 2 }))).toEqual(['2026-11-24']);
    expect(dates(computeAvailability({ ...base, fromDate: '2026-12-08', days: 3 }))).toEqual([]);
    expect(dates(computeAvailability({ ...base, days: 0 }))).toEqual([]);
    expect(dates(computeAvailability({ ...base, policy: { ...POLICY, horizonDays: 0 } }))).toEqual([]);
    expect(() => computeAvailability({ ...base, fromDate: '2026-11-31' })).toThrow(RangeError);
  });
});

describe('isBookableSlot', () => {
  const input = { store: SHANGHAI_STORE, policy: POLICY, now: new Date(shanghai('2026-11-24', '10:10')) };

  it('accepts grid starts within notice and horizon, in any ISO spelling', () => {
    expect(isBookableSlot(shanghai('2026-11-24', '12:15'), input)).toBe(true);
    expect(isBookableSlot('2026-11-24T04:15:00Z', input)).toBe(true);
    expect(isBookableSlot(shanghai('2026-12-07', '16:00'), input)).toBe(false); // Monday
    expect(isBookableSlot(shanghai('2026-12-06', '16:00'), input)).toBe(true); // last day of the horizon
    expect(findBookableSlot(shanghai('2026-12-06', '16:00'), input)).toEqual({
      startsAt: '2026-12-06T08:00:00.000Z',
      endsAt: '2026-12-06T09:00:00.000Z',
      localStart: '16:00',
      localEnd: '17:00',
    });
  });

  it('refuses starts off the grid, too soon, past the horizon, on closed days or malformed', () => {
    expect(isBookableSlot(shanghai('2026-11-24', '11:00'), input)).toBe(false); // inside the notice
    expect(isBookableSlot(shanghai('2026-11-24', '12:30'), input)).toBe(false); // off the grid
    expect(isBookableSlot(shanghai('2026-12-08', '08:30'), input)).toBe(false); // beyond 14 days
    expect(isBookableSlot(shanghai('2026-11-23', '12:15'), input)).toBe(false); // yesterday
    expect(isBookableSlot(shanghai('2026-11-30', '12:15'), input)).toBe(false); // Monday
    expect(isBookableSlot('tomorrow at ten', input)).toBe(false);
    expect(findBookableSlot('', input)).toBeNull();
  });
});

describe('nearestFreeSlots', () => {
  const slot = (startsAt: string, remaining: number): TimeSlot => ({
    startsAt,
    endsAt: startsAt,
    localStart: '',
    localEnd: '',
    capacity: 1,
    held: 1 - remaining,
    remaining,
  });
  const days: DayAvailability[] = [
    {
      date: '2026-11-24',
      open: true,
      remaining: 3,
      slots: [
        slot('2026-11-24T01:00:00.000Z', 1),
        slot('2026-11-24T02:15:00.000Z', 0),
        slot('2026-11-24T03:30:00.000Z', 0),
        slot('2026-11-24T04:45:00.000Z', 1),
      ],
    },
    { date: '2026-11-25', open: true, remaining: 1, slots: [slot('2026-11-25T01:00:00.000Z', 1)] },
  ];

  it('orders free slots by distance, earlier first on a tie', () => {
    const nearest = nearestFreeSlots(days, '2026-11-24T02:52:30.000Z');
    expect(nearest.map((s) => s.startsAt)).toEqual([
      '2026-11-24T01:00:00.000Z', // 1 h 52.5 min before
      '2026-11-24T04:45:00.000Z', // 1 h 52.5 min after
      '2026-11-25T01:00:00.000Z',
    ]);
    expect(nearestFreeSlots(days, '2026-11-24T03:30:00.000Z', 1).map((s) => s.startsAt)).toEqual([
      '2026-11-24T04:45:00.000Z',
    ]);
    expect(nearestFreeSlots([], '2026-11-24T03:30:00.000Z')).toEqual([]);
    expect(() => nearestFreeSlots(days, 'soon')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'] as const;
const MINUTE = 60_000;

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0–2 non-overlapping periods per weekday, on a 5-minute grid, closing as late as 24:00. */
const openingHoursArb: fc.Arbitrary<OpeningPeriod[]> = fc
  .tuple(
    ...[1, 2, 3, 4, 5, 6, 7].map(() => fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 4 })),
  )
  .map((perDay) =>
    perDay.flatMap((marks, index) => {
      const sorted = [...marks].sort((a, b) => a - b);
      const periods: OpeningPeriod[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        periods.push({
          weekday: (index + 1) as IsoWeekday,
          opens: clock(sorted[i]! * 5),
          closes: clock(sorted[i + 1]! * 5),
        });
      }
      return periods;
    }),
  );

const policyArb: fc.Arbitrary<BookingPolicy> = fc.record({
  slotMinutes: fc.integer({ min: 15, max: 240 }),
  bufferMinutes: fc.integer({ min: 0, max: 60 }),
  minNoticeMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  horizonDays: fc.integer({ min: 0, max: 16 }),
  customerCutoffMinutes: fc.constant(120),
  maxReschedules: fc.constant(2),
  maxActivePerCustomer: fc.constant(2),
  minDriverAge: fc.constant(18),
});

/** Any minute of 2026–2027, or one close to a New York clock change. */
const nowArb: fc.Arbitrary<Date> = fc.oneof(
  fc
    .integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2028, 0, 1) / MINUTE })
    .map((m) => new Date(m * MINUTE)),
  fc
    .tuple(
      fc.constantFrom(Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2027, 2, 14, 7)),
      fc.integer({ min: -20 * 24 * 60, max: 2 * 24 * 60 }),
    )
    .map(([base, m]) => new Date(base + m * MINUTE)),
);

const scenarioArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  openingHours: openingHoursArb,
  closedOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 17 }), { maxLength: 5 }),
  policy: policyArb,
  carsInService: fc.integer({ min: 0, max: 4 }),
  holdPicks: fc.array(fc.nat(), { maxLength: 30 }),
  strayHolds: fc.array(
    fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2028, 0, 1) / MINUTE }),
    {
      maxLength: 3,
    },
  ),
  now: nowArb,
  window: fc.option(
    fc.record({ fromOffset: fc.integer({ min: -3, max: 18 }), days: fc.integer({ min: 0, max: 20 }) }),
  ),
});

describe('computeAvailability properties', () => {
  it('never offers a slot outside opening hours, the notice or the horizon, and counts capacity right', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const today = utcToZoned(s.now, s.timeZone).date;
        const store: StoreSchedule = {
          timeZone: s.timeZone,
          openingHours: s.openingHours,
          closedDates: s.closedOffsets.map((k) => addDays(today, k)),
        };
        // Holds on real grid slots (several may pick the same one), plus a few at random instants.
        const gridStarts = Array.from({ length: 18 }, (_, k) => addDays(today, k)).flatMap((date) =>
          slotGridForDay(date, store, s.policy).map((slot) => slot.startsAt),
        );
        const holds = [
          ...(gridStarts.length > 0
            ? s.holdPicks.map((i) => ({ startsAt: gridStarts[i % gridStarts.length]! }))
            : []),
          ...s.strayHolds.map((m) => ({ startsAt: new Date(m * MINUTE).toISOString() })),
        ];
        const days = computeAvailability({
          store,
          policy: s.policy,
          carsInService: s.carsInService,
          holds,
          now: s.now,
          ...(s.window ? { fromDate: addDays(today, s.window.fromOffset), days: s.window.days } : {}),
        });

        const lastDay = addDays(today, s.policy.horizonDays - 1);
        const cutoff = s.now.getTime() + s.policy.minNoticeMinutes * MINUTE;
        const expectedCount = s.window
          ? Math.max(
              0,
              Math.min(s.window.fromOffset + s.window.days - 1, s.policy.horizonDays - 1) -
                Math.max(s.window.fromOffset, 0) +
                1,
            )
          : s.policy.horizonDays;
        expect(days).toHaveLength(expectedCount);

        days.forEach((day, index) => {
          // Within today … horizon, consecutive.
          expect(day.date >= today && day.date <= lastDay).toBe(true);
          if (index > 0) expect(day.date).toBe(addDays(days[index - 1]!.date, 1));
          if (store.closedDates.includes(day.date)) expect(day.open).toBe(false);
          if (!day.open) expect(day.slots).toEqual([]);
          expect(day.remaining).toBe(day.slots.reduce((sum, slot) => sum + slot.remaining, 0));

          day.slots.forEach((slot, i) => {
            const start = Date.parse(slot.startsAt);
            const end = Date.parse(slot.endsAt);
            expect(slot.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
            // Inside one opening period of that weekday, in the store's zone.
            const local = utcToZoned(new Date(start), s.timeZone);
            expect(local.date).toBe(day.date);
            expect(local.time).toBe(slot.localStart);
            expect(utcToZoned(new Date(end), s.timeZone).time).toBe(slot.localEnd);
            const inside = s.openingHours.some(
              (p) =>
                p.weekday === local.weekday &&
                p.opens <= slot.localStart &&
                start >= zonedToUtc(day.date, p.opens, s.timeZone).getTime() &&
                end <= zonedToUtc(day.date, p.closes, s.timeZone).getTime(),
            );
            expect(inside).toBe(true);
            expect(end - start).toBe(s.policy.slotMinutes * MINUTE);
            // Notice.
            expect(start).toBeGreaterThanOrEqual(cutoff);
            // Sorted, non-overlapping, buffer kept.
            if (i > 0) {
              const previousEnd = Date.parse(day.slots[i - 1]!.endsAt);
              expect(start).toBeGreaterThanOrEqual(previousEnd + s.policy.bufferMinutes * MINUTE);
            }
            // Capacity.
            const held = holds.filter((h) => Date.parse(h.startsAt) === start).length;
            expect(slot.capacity).toBe(s.carsInService);
            expect(slot.held).toBe(held);
            expect(slot.remaining).toBeGreaterThanOrEqual(0);
            if (held <= slot.capacity) expect(slot.remaining).toBe(slot.capacity - held);
            else expect(slot.remaining).toBe(0);
          });
          // The first and last slot of the day pass the single-slot check too.
          for (const slot of [day.slots[0], day.slots.at(-1)]) {
            if (slot)
              expect(isBookableSlot(slot.startsAt, { store, policy: s.policy, now: s.now })).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('offers every grid slot between the notice and the horizon (nothing bookable is hidden)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const store: StoreSchedule = { timeZone: s.timeZone, openingHours: s.openingHours, closedDates: [] };
        const input = { store, policy: s.policy, carsInService: s.carsInService, holds: [], now: s.now };
        const offered = new Set(
          computeAvailability(input).flatMap((d) => d.slots.map((slot) => slot.startsAt)),
        );
        const today = utcToZoned(s.now, s.timeZone).date;
        for (let k = -1; k <= s.policy.horizonDays; k++) {
          for (const slot of slotGridForDay(addDays(today, k), store, s.policy)) {
            expect(offered.has(slot.startsAt)).toBe(isBookableSlot(slot.startsAt, input));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('nearestFreeSlots properties', () => {
  it('returns free slots only, nearest first', () => {
    const slotArb = fc
      .record({ minute: fc.integer({ min: 0, max: 20_000 }), remaining: fc.integer({ min: 0, max: 2 }) })
      .map(({ minute, remaining }): TimeSlot => ({
        startsAt: new Date(Date.UTC(2026, 10, 24) + minute * MINUTE).toISOString(),
        endsAt: '',
        localStart: '',
        localEnd: '',
        capacity: 2,
        held: 2 - remaining,
        remaining,
      }));
    fc.assert(
      fc.property(
        fc.array(slotArb),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5 }),
        (slots, m, n) => {
          const around = new Date(Date.UTC(2026, 10, 24) + m * MINUTE).toISOString();
          const days = [{ date: '2026-11-24', open: true, slots, remaining: 0 }];
          const nearest = nearestFreeSlots(days, around, n);
          const free = slots.filter((slot) => slot.remaining > 0);
          expect(nearest).toHaveLength(Math.min(n, free.length));
          const distance = (slot: TimeSlot): number =>
            Math.abs(Date.parse(slot.startsAt) - Date.parse(around));
          nearest.forEach((slot, i) => {
            expect(slot.remaining).toBeGreaterThan(0);
            if (i > 0) expect(distance(slot)).toBeGreaterThanOrEqual(distance(nearest[i - 1]!));
          });
          const worst = nearest.at(-1);
          if (worst) {
            for (const other of free.filter((slot) => !nearest.includes(slot))) {
              expect(distance(other)).toBeGreaterThanOrEqual(distance(worst));
            }
          }
        },
      ),
    );
  });
});

describe('slotGridForDay on a spring-forward day', () => {
  it('starts no slot before an opening time that the clock change skipped', () => {
    // 2027-03-14 in New York: 02:00 jumps to 03:00, so "02:10" maps forward to 03:10 EDT.
    const store = {
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 7 as const, opens: '02:10', closes: '03:20' }],
      closedDates: [],
    };
    const policy = { ...DEFAULT_BOOKING_POLICY, slotMinutes: 19, bufferMinutes: 6 };
    const opensAt = zonedToUtc('2027-03-14', '02:10', 'America/New_York').getTime();
    const slots = slotGridForDay('2027-03-14', store, policy);
    for (const slot of slots) expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(opensAt);
  });
});
