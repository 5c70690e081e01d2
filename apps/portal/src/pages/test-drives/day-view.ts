import {
  BOOKING_STATUSES,
  CAR_HOLDING_STATUSES,
  type BookingStatus,
  type TestDriveBooking,
  type TestDriveCar,
} from '@dealer-care/domain';
import { localTimeRange } from './time';

/** Status tag colours: what needs the consultant stands out, what is over fades. */
export const STATUS_COLOR: Record<BookingStatus, string> = {
  requested: 'gold',
  confirmed: 'blue',
  checked_in: 'cyan',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
  no_show: 'volcano',
};

/** Within a slot: open bookings first (in the order they move through), closed ones last. */
const STATUS_RANK: Record<BookingStatus, number> = {
  requested: 0,
  confirmed: 1,
  checked_in: 2,
  completed: 3,
  no_show: 4,
  rejected: 5,
  cancelled: 6,
};

export interface SlotGroup {
  /** UTC instant the slot starts; the group's key. */
  startsAt: string;
  /** "10:00–11:00" in the store's zone. */
  label: string;
  bookings: TestDriveBooking[];
}

/** A day's bookings grouped by slot, slots in time order. */
export function groupBySlot(bookings: readonly TestDriveBooking[], timeZone: string): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  for (const booking of bookings) {
    const key = new Date(booking.startsAt).toISOString();
    let group = groups.get(key);
    if (!group) {
      group = {
        startsAt: key,
        label: localTimeRange(booking.startsAt, booking.endsAt, timeZone),
        bookings: [],
      };
      groups.set(key, group);
    }
    group.bookings.push(booking);
  }
  const sorted = [...groups.values()].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const group of sorted) {
    group.bookings.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.id - b.id);
  }
  return sorted;
}

/** One table row: a booking with its slot cell spanning the slot's bookings. */
export interface DayRow {
  key: number;
  booking: TestDriveBooking;
  slotLabel: string;
  /** Rows the slot cell spans: the slot's size on its first row, 0 on the others. */
  slotRowSpan: number;
}

export function toDayRows(groups: readonly SlotGroup[]): DayRow[] {
  return groups.flatMap((group) =>
    group.bookings.map((booking, index) => ({
      key: booking.id,
      booking,
      slotLabel: group.label,
      slotRowSpan: index === 0 ? group.bookings.length : 0,
    })),
  );
}

export type StatusFilter = BookingStatus | 'all';

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value === 'all' || BOOKING_STATUSES.includes(value as BookingStatus);
}

export function filterByStatus(
  bookings: readonly TestDriveBooking[],
  filter: StatusFilter,
): TestDriveBooking[] {
  return filter === 'all' ? [...bookings] : bookings.filter((booking) => booking.status === filter);
}

/** How many bookings of the day are in each status, and in all. */
export function countByStatus(bookings: readonly TestDriveBooking[]): Record<StatusFilter, number> {
  const counts = Object.fromEntries([
    ['all', bookings.length],
    ...BOOKING_STATUSES.map((s) => [s, 0]),
  ]) as Record<StatusFilter, number>;
  for (const booking of bookings) counts[booking.status] += 1;
  return counts;
}

/** The store's cars a booking can be confirmed with: its model, in service, by plate. */
export function eligibleCars(
  cars: readonly TestDriveCar[],
  booking: Pick<TestDriveBooking, 'modelId'>,
): TestDriveCar[] {
  return cars
    .filter((car) => car.modelId === booking.modelId && car.inService)
    .sort((a, b) => a.plate.localeCompare(b.plate, 'zh-CN'));
}

/**
 * The car to preselect: the one the booking holds, else the first one free in its slot,
 * so confirming is one click when nothing needs choosing.
 */
export function defaultCarId(
  cars: readonly TestDriveCar[],
  booking: Pick<TestDriveBooking, 'car'>,
  busy: ReadonlySet<number> = new Set(),
): number | undefined {
  if (booking.car && cars.some((car) => car.id === booking.car?.id)) return booking.car.id;
  return cars.find((car) => !busy.has(car.id))?.id;
}

/**
 * Cars other bookings of the same day hold during this booking's slot: a hint in the car
 * select (the server has the last word).
 */
export function carsBusyDuring(
  booking: Pick<TestDriveBooking, 'id' | 'startsAt' | 'endsAt'>,
  dayBookings: readonly TestDriveBooking[],
): Set<number> {
  const start = Date.parse(booking.startsAt);
  const end = Date.parse(booking.endsAt);
  const busy = new Set<number>();
  for (const other of dayBookings) {
    if (other.id === booking.id || !other.car || !CAR_HOLDING_STATUSES.includes(other.status)) continue;
    if (Date.parse(other.startsAt) < end && start < Date.parse(other.endsAt)) busy.add(other.car.id);
  }
  return busy;
}
