/**
 * A message the customer could not receive (no subscription left, refused, or WeChat gave up)
 * about a promise of the store (a booking, a delivery) becomes a phone call by their consultant.
 * A survey invitation is not such a promise: its fate stays visible and nobody is called.
 */
import type { FollowUpStoreHours } from '../follow-up/follow-up.types.js';
import { isClosedDate, periodsOn } from '../store/opening-hours.js';
import { addDays, utcToZoned, weekdayOf, zonedToUtc } from '../time/zoned-time.js';
import type { NotificationKind } from './notification.types.js';

/** The call is due within this many working hours of the failure: the news is still fresh. */
export const MESSAGE_FALLBACK_WITHIN_WORKING_HOURS = 4;

const MS_PER_HOUR = 3_600_000;
const SEARCH_DAYS = 366;

/** Whether a message of this kind that cannot be delivered must be told by phone. */
export function needsFallbackCall(kind: NotificationKind): boolean {
  return kind.startsWith('test_drive_') || kind.startsWith('delivery_');
}

/**
 * `at` plus `hours` of the store's opening time (lunch breaks and closed days do not count).
 * A store that never opens counts plain hours, so the task still gets a due time.
 */
export function addWorkingHours(store: FollowUpStoreHours, at: Date, hours: number): Date {
  let left = hours * MS_PER_HOUR;
  const startDate = utcToZoned(at, store.timeZone).date;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const date = addDays(startDate, i);
    if (isClosedDate(store.closedDates, date)) continue;
    for (const period of periodsOn(store.openingHours, weekdayOf(date))) {
      const opens = zonedToUtc(date, period.opens, store.timeZone).getTime();
      const closes = zonedToUtc(date, period.closes, store.timeZone).getTime();
      const from = Math.max(opens, at.getTime());
      if (from >= closes) continue;
      if (closes - from >= left) return new Date(from + left);
      left -= closes - from;
    }
  }
  return new Date(at.getTime() + hours * MS_PER_HOUR);
}

/** When the fallback call is due: four working hours after the message failed. */
export function messageFallbackDueAt(store: FollowUpStoreHours, failedAt: Date): Date {
  return addWorkingHours(store, failedAt, MESSAGE_FALLBACK_WITHIN_WORKING_HOURS);
}
