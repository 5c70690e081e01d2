import {
  addDays,
  daysBetween,
  isChecklistComplete,
  weekdayOf,
  type ChecklistItem,
  type DeliveryDateOption,
  type DeliveryStatus,
  type DeliveryTimelineEntry,
  type SalesOrder,
} from '@dealer-care/domain';
import { isCalendarDate } from '../test-drives/time';

/** The week view shows seven store-local days from a Monday. */
export const WEEK_DAYS = 7;

/** The Monday of the week a store-local date falls in. */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The week a `?week=` parameter names (any date in it), else the week of `today`. */
export function weekFromParam(param: string | null, today: string): string {
  return weekStartOf(isCalendarDate(param) ? param : today);
}

/** "11月23日 – 11月29日". */
export function weekRangeLabel(from: string): string {
  const label = (date: string) => {
    const [, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${m}月${d}日`;
  };
  return `${label(from)} – ${label(addDays(from, WEEK_DAYS - 1))}`;
}

/** Where an order still waiting for a date stands. */
export type SchedulingState =
  | { kind: 'needs_offer' }
  | { kind: 'awaiting_customer'; options: DeliveryDateOption[] }
  | { kind: 'customer_requested'; note: string | null; at: string };

/** Actions after which the next move is the store's or the customer's. */
const SCHEDULING_MOVES: ReadonlyArray<DeliveryTimelineEntry['action']> = [
  'create',
  'offer_dates',
  'declare_delay',
  'request_other_dates',
  'choose_date',
];

function latestMove(order: Pick<SalesOrder, 'timeline'>): DeliveryTimelineEntry | undefined {
  return [...order.timeline]
    .filter((entry) => SCHEDULING_MOVES.includes(entry.action))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .at(-1);
}

/**
 * Offered dates wait for the customer; with none offered the store owes dates, and when the
 * customer's last move was asking for other dates, their note says what suits them.
 */
export function schedulingState(
  order: Pick<SalesOrder, 'dateOptions' | 'timeline' | 'customerNote'>,
): SchedulingState {
  if (order.dateOptions.length > 0) {
    return {
      kind: 'awaiting_customer',
      options: [...order.dateOptions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    };
  }
  const last = latestMove(order);
  if (last?.action === 'request_other_dates' && last.actor === 'customer') {
    return { kind: 'customer_requested', note: last.note ?? order.customerNote, at: last.at };
  }
  return { kind: 'needs_offer' };
}

const SCHEDULING_RANK: Record<SchedulingState['kind'], number> = {
  customer_requested: 0,
  needs_offer: 1,
  awaiting_customer: 2,
};

export interface DayGroup {
  date: string;
  orders: SalesOrder[];
}

export interface WeekGroups {
  /** Orders waiting for a date: the customer's requests first, then those owed dates, by promised date. */
  scheduling: SalesOrder[];
  /** Every day of the range, in order, with its deliveries by time. */
  days: DayGroup[];
}

/** Open deliveries first within a time; what is over goes last. */
const STATUS_RANK: Record<DeliveryStatus, number> = {
  scheduling: 0,
  date_confirmed: 1,
  ready: 2,
  delivered: 3,
  cancelled: 4,
};

/**
 * The list from the server (every order waiting for a date and those scheduled in the range)
 * as the week view shows it.
 */
export function groupOrders(orders: readonly SalesOrder[], from: string, days = WEEK_DAYS): WeekGroups {
  const seen = new Set<number>();
  const scheduling: SalesOrder[] = [];
  const byDay = new Map<string, SalesOrder[]>();
  for (let i = 0; i < days; i++) byDay.set(addDays(from, i), []);
  for (const order of orders) {
    if (seen.has(order.id)) continue;
    seen.add(order.id);
    if (order.status === 'scheduling') {
      scheduling.push(order);
      continue;
    }
    const date = order.scheduled?.localDate;
    if (date) byDay.get(date)?.push(order);
  }
  scheduling.sort(
    (a, b) =>
      SCHEDULING_RANK[schedulingState(a).kind] - SCHEDULING_RANK[schedulingState(b).kind] ||
      a.promisedTo.localeCompare(b.promisedTo) ||
      a.id - b.id,
  );
  for (const list of byDay.values()) {
    list.sort(
      (a, b) =>
        a.scheduled!.startsAt.localeCompare(b.scheduled!.startsAt) ||
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        a.id - b.id,
    );
  }
  return { scheduling, days: [...byDay].map(([date, list]) => ({ date, orders: list })) };
}

/** "4/6" of a checklist. */
export function checklistProgress(items: readonly Pick<ChecklistItem, 'done'>[]): {
  done: number;
  total: number;
  complete: boolean;
} {
  const done = items.filter((item) => item.done).length;
  return { done, total: items.length, complete: isChecklistComplete(items) };
}

/** How far the promised window's end is from today: negative when it has passed. */
export function daysToPromisedEnd(order: Pick<SalesOrder, 'promisedTo'>, today: string): number {
  return daysBetween(today, order.promisedTo);
}
