/**
 * Test-drive availability: a store's slot grid in its own time zone, minus the bookings that
 * hold a car. Every car-holding booking holds one car for exactly one grid slot, so capacity
 * per slot is simply cars in service minus holds starting at that slot.
 */
import { isClosedDate, parseClockTime, periodsOn } from '../store/opening-hours.js';
import type { OpeningPeriod } from '../store/store.types.js';
import { addDays, utcToZoned, weekdayOf, zonedToUtc } from '../time/zoned-time.js';
import type { BookingPolicy, DayAvailability, TimeSlot } from './booking.types.js';

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

/** The parts of a store that decide its slot grid. */
export interface StoreSchedule {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  openingHours: readonly OpeningPeriod[];
  /** Store-local "YYYY-MM-DD" dates the store is closed. */
  closedDates: readonly string[];
}

/** One slot of the grid, before capacity is known. */
export interface GridSlot {
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
}

export interface SlotCheckInput {
  store: StoreSchedule;
  policy: BookingPolicy;
  now: Date;
}

export interface AvailabilityInput extends SlotCheckInput {
  /** Cars of the model in service at the store. */
  carsInService: number;
  /** Car-holding bookings of the model at the store (any range; those off the listed days are ignored). */
  holds: ReadonlyArray<{ startsAt: string }>;
  /** Store-local first day; default the store-local today. Days before today are left out. */
  fromDate?: string;
  /** Number of days from fromDate; default policy.horizonDays. Days beyond the horizon are left out. */
  days?: number;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function assertGridPolicy(policy: BookingPolicy): void {
  if (!Number.isInteger(policy.slotMinutes) || policy.slotMinutes < 1) {
    throw new RangeError(`slotMinutes must be a positive whole number: ${policy.slotMinutes}`);
  }
  if (!Number.isInteger(policy.bufferMinutes) || policy.bufferMinutes < 0) {
    throw new RangeError(`bufferMinutes must be a whole number ≥ 0: ${policy.bufferMinutes}`);
  }
}

/** Well-formed periods (opens < closes) of the date's weekday, earliest first. */
function periodsOfDate(
  store: StoreSchedule,
  date: string,
): Array<{ from: number; to: number; closes: string }> {
  return periodsOn(store.openingHours, weekdayOf(date)).flatMap((p) => {
    const from = parseClockTime(p.opens);
    const to = parseClockTime(p.closes);
    return from !== null && to !== null && from < to ? [{ from, to, closes: p.closes }] : [];
  });
}

/** Whether the store opens at all on a store-local date (false on closed weekdays and closed dates). */
export function isOpenOn(store: StoreSchedule, date: string): boolean {
  return !isClosedDate(store.closedDates, date) && periodsOfDate(store, date).length > 0;
}

/**
 * The store's slots on a store-local date, earliest first. In each opening period slots start at
 * `opens` and then every slotMinutes + bufferMinutes; a slot ends by `closes`. A slot also starts
 * no earlier than the previous one's end plus the buffer (touching periods; daylight-saving
 * changes), and wall times skipped by a clock change have no slot.
 */
export function slotGridForDay(date: string, store: StoreSchedule, policy: BookingPolicy): GridSlot[] {
  return timedGridForDay(date, store, policy).map((timed) => timed.slot);
}

type TimedGrid = ReadonlyArray<{ readonly slot: GridSlot; readonly startMs: number }>;

/**
 * Day grids already worked out, per schedule object: a store's schedule is read once and then
 * asked for the same days by every slot lookup and booking. Keyed by the object itself (a
 * WeakMap), so a schedule that is dropped takes its grids with it; the slots are frozen because
 * they are shared.
 */
const gridMemo = new WeakMap<StoreSchedule, Map<string, TimedGrid>>();
const GRID_MEMO_DAYS = 400;

/** The day's grid with each slot's start as epoch milliseconds, so callers need not parse it back. */
function timedGridForDay(date: string, store: StoreSchedule, policy: BookingPolicy): TimedGrid {
  assertGridPolicy(policy);
  let byDay = gridMemo.get(store);
  if (!byDay) {
    byDay = new Map();
    gridMemo.set(store, byDay);
  }
  const key = `${date}|${policy.slotMinutes}|${policy.bufferMinutes}`;
  let grid = byDay.get(key);
  if (!grid) {
    grid = Object.freeze(
      computeTimedGrid(date, store, policy).map((timed) =>
        Object.freeze({ slot: Object.freeze(timed.slot), startMs: timed.startMs }),
      ),
    );
    if (byDay.size >= GRID_MEMO_DAYS) byDay.clear();
    byDay.set(key, grid);
  }
  return grid;
}

function computeTimedGrid(
  date: string,
  store: StoreSchedule,
  policy: BookingPolicy,
): Array<{ slot: GridSlot; startMs: number }> {
  if (isClosedDate(store.closedDates, date)) return [];
  const { timeZone } = store;
  const slotMs = policy.slotMinutes * MS_PER_MINUTE;
  const step = policy.slotMinutes + policy.bufferMinutes;

  // Days without a clock change (nearly all) map wall minutes to instants by one offset;
  // otherwise each wall time is converted on its own and skipped wall times have no slot.
  const midnight = zonedToUtc(date, '00:00', timeZone).getTime();
  const uniform =
    zonedToUtc(date, '24:00', timeZone).getTime() - midnight === MS_PER_DAY &&
    utcToZoned(new Date(midnight), timeZone).time === '00:00';
  const instantOf = (minute: number): number =>
    uniform ? midnight + minute * MS_PER_MINUTE : zonedToUtc(date, hhmm(minute), timeZone).getTime();

  const slots: Array<{ slot: GridSlot; startMs: number }> = [];
  let earliestNext = Number.NEGATIVE_INFINITY;
  for (const period of periodsOfDate(store, date)) {
    // On a spring-forward day an opening time that does not exist maps forward by the gap
    // (zonedToUtc's rule); a slot may not start before that instant either.
    const opensAt = instantOf(period.from);
    const closesAt = instantOf(period.to);
    for (let minute = period.from; minute + policy.slotMinutes <= period.to; minute += step) {
      const localStart = hhmm(minute);
      const start = instantOf(minute);
      const end = start + slotMs;
      if (!uniform && utcToZoned(new Date(start), timeZone).time !== localStart) continue;
      if (start < opensAt || start < earliestNext || end > closesAt) continue;
      const endsAt = new Date(end);
      slots.push({
        startMs: start,
        slot: {
          startsAt: new Date(start).toISOString(),
          endsAt: endsAt.toISOString(),
          localStart,
          localEnd: uniform
            ? hhmm((minute + policy.slotMinutes) % MINUTES_PER_DAY)
            : utcToZoned(endsAt, timeZone).time,
        },
      });
      earliestNext = end + policy.bufferMinutes * MS_PER_MINUTE;
    }
  }
  return slots;
}

/** Store-local today and the last bookable day (today + horizonDays − 1). */
function bookingWindow(input: SlotCheckInput): { today: string; lastDay: string | null } {
  const today = utcToZoned(input.now, input.store.timeZone).date;
  const horizon = Math.floor(input.policy.horizonDays);
  return { today, lastDay: horizon >= 1 ? addDays(today, horizon - 1) : null };
}

const noticeCutoff = (input: SlotCheckInput): number =>
  input.now.getTime() + input.policy.minNoticeMinutes * MS_PER_MINUTE;

/**
 * Availability per store-local day, from fromDate for `days` days, clipped to today … the
 * horizon. Each day lists the slots starting at now + minNoticeMinutes or later, including
 * full ones (remaining 0), so a grid can show them disabled.
 */
export function computeAvailability(input: AvailabilityInput): DayAvailability[] {
  const { store, policy } = input;
  assertGridPolicy(policy);
  const { today, lastDay } = bookingWindow(input);
  const firstRequested = input.fromDate ?? today;
  const dayCount = Math.floor(input.days ?? policy.horizonDays);
  const lastRequested = addDays(firstRequested, dayCount - 1);
  if (lastDay === null || dayCount < 1) return [];

  const first = firstRequested > today ? firstRequested : today;
  const last = lastRequested < lastDay ? lastRequested : lastDay;
  const capacity = Math.max(0, input.carsInService);
  const cutoff = noticeCutoff(input);

  const heldAt = new Map<number, number>();
  for (const hold of input.holds) {
    const ms = Date.parse(hold.startsAt);
    if (!Number.isNaN(ms)) heldAt.set(ms, (heldAt.get(ms) ?? 0) + 1);
  }

  const result: DayAvailability[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const open = isOpenOn(store, date);
    const slots: TimeSlot[] = open
      ? timedGridForDay(date, store, policy)
          .filter(({ startMs }) => startMs >= cutoff)
          .map(({ slot, startMs }) => {
            const held = heldAt.get(startMs) ?? 0;
            return { ...slot, capacity, held, remaining: Math.max(0, capacity - held) };
          })
      : [];
    result.push({ date, open, slots, remaining: slots.reduce((sum, slot) => sum + slot.remaining, 0) });
  }
  return result;
}

/**
 * The grid slot starting at `startsAt` when a customer may book it now: on the store's grid,
 * within the horizon and at least minNoticeMinutes ahead. Capacity is not considered. Null otherwise.
 */
export function findBookableSlot(startsAt: string, input: SlotCheckInput): GridSlot | null {
  const ms = typeof startsAt === 'string' ? Date.parse(startsAt) : Number.NaN;
  if (Number.isNaN(ms) || ms < noticeCutoff(input)) return null;
  const { today, lastDay } = bookingWindow(input);
  const { date } = utcToZoned(new Date(ms), input.store.timeZone);
  if (lastDay === null || date < today || date > lastDay) return null;
  return timedGridForDay(date, input.store, input.policy).find((timed) => timed.startMs === ms)?.slot ?? null;
}

/** Whether `startsAt` is a slot a customer may book now (grid, horizon, notice; not capacity). */
export function isBookableSlot(startsAt: string, input: SlotCheckInput): boolean {
  return findBookableSlot(startsAt, input) !== null;
}

/** Free slots (remaining > 0) nearest to `around`, nearest first; equally near: earlier first. */
export function nearestFreeSlots(days: readonly DayAvailability[], around: string, count = 3): TimeSlot[] {
  const target = Date.parse(around);
  if (Number.isNaN(target)) throw new RangeError(`Invalid instant: ${around}`);
  const distance = (slot: TimeSlot): number => Math.abs(Date.parse(slot.startsAt) - target);
  return days
    .flatMap((day) => day.slots)
    .filter((slot) => slot.remaining > 0)
    .sort((a, b) => distance(a) - distance(b) || Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, Math.max(0, count));
}
