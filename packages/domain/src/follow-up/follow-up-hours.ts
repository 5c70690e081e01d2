/**
 * Store working hours for follow-up due times, built on the store's opening periods and closed
 * dates in its own time zone. Calls are made by staff, so they are only due while the store is open.
 */
import { isClosedDate, periodsOn } from '../store/opening-hours.js';
import { addDays, utcToZoned, weekdayOf, zonedToUtc } from '../time/zoned-time.js';
import type { FollowUpStoreHours } from './follow-up.types.js';

/** How far to look for an open day; a store closed for a whole year has no working hours at all. */
const SEARCH_DAYS = 366;

interface Span {
  opens: Date;
  closes: Date;
}

function openSpans(store: FollowUpStoreHours, date: string): Span[] {
  if (isClosedDate(store.closedDates, date)) return [];
  return periodsOn(store.openingHours, weekdayOf(date)).map((p) => ({
    opens: zonedToUtc(date, p.opens, store.timeZone),
    closes: zonedToUtc(date, p.closes, store.timeZone),
  }));
}

/** First opening and last closing of a store-local date; null on a closed day. */
export function storeDayHours(store: FollowUpStoreHours, date: string): Span | null {
  const spans = openSpans(store, date);
  const first = spans[0];
  const last = spans[spans.length - 1];
  return first && last ? { opens: first.opens, closes: last.closes } : null;
}

/** The nearest open day from `date` (itself included), searching forward (1) or backward (-1). */
export function storeOpenDayFrom(store: FollowUpStoreHours, date: string, direction: 1 | -1): string | null {
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const day = addDays(date, i * direction);
    if (storeDayHours(store, day)) return day;
  }
  return null;
}

/**
 * `instant` itself while the store is open (closing time included: a call by 18:00 is still on
 * time), otherwise the next opening. A store that never opens returns `instant`, so no task is lost.
 */
export function nextStoreOpening(store: FollowUpStoreHours, instant: Date): Date {
  const start = utcToZoned(instant, store.timeZone).date;
  for (let i = 0; i < SEARCH_DAYS; i++) {
    for (const span of openSpans(store, addDays(start, i))) {
      if (instant < span.opens) return span.opens;
      if (instant <= span.closes) return instant;
    }
  }
  return instant;
}
