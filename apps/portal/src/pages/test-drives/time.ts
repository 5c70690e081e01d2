import { localDateIn, WEEKDAY_LABEL_ZH, type IsoWeekday } from '@dealer-care/domain';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Times on the wire are UTC instants; staff read them in the store's own time zone, whatever
 * zone the browser is in. Store-local calendar dates are plain "YYYY-MM-DD" strings.
 */

/** "10:00" in the store's zone. */
export function localTime(instant: string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('HH:mm');
}

/** "10:00–11:00" in the store's zone. */
export function localTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return `${localTime(startsAt, timeZone)}–${localTime(endsAt, timeZone)}`;
}

/** "11月25日 10:00" in the store's zone. */
export function localDateTime(instant: string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('M月D日 HH:mm');
}

/** The store-local calendar date of an instant, "YYYY-MM-DD". */
export function localDateOf(instant: string, timeZone: string): string {
  return localDateIn(timeZone, new Date(instant));
}

/** Today in the store's zone. */
export function storeToday(timeZone: string, now: Date = new Date()): string {
  return localDateIn(timeZone, now);
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO weekday of a calendar date, independent of any time zone. */
export function isoWeekdayOf(date: string): IsoWeekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7) as IsoWeekday;
}

/** "11/25 周二", the column header of a calendar date. */
export function dayHeader(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}/${d} ${WEEKDAY_LABEL_ZH[isoWeekdayOf(date)]}`;
}

/** "11月25日 周二", a calendar date in words. */
export function dateLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日 ${WEEKDAY_LABEL_ZH[isoWeekdayOf(date)]}`;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "11月25日 10:00–11:00" in the store's zone. */
export function localSlotLabel(startsAt: string, endsAt: string, timeZone: string): string {
  return `${localDateTime(startsAt, timeZone)}–${localTime(endsAt, timeZone)}`;
}
