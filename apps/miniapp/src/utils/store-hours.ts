import { isClosedDate, localDateIn, periodsOn, type IsoWeekday, type Store } from '@dealer-care/domain';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function deviceLocalDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today's calendar date and ISO weekday in the store's own time zone. */
export function storeToday(
  store: Pick<Store, 'timeZone'>,
  now: Date = new Date(),
): { date: string; weekday: IsoWeekday } {
  let date: string;
  try {
    date = localDateIn(store.timeZone, now);
    // Some mini-program engines ship a reduced Intl; fall back to the device's date.
    if (!ISO_DATE.test(date)) date = deviceLocalDate(now);
  } catch {
    date = deviceLocalDate(now);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const jsDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { date, weekday: (jsDay === 0 ? 7 : jsDay) as IsoWeekday };
}

/** "今日营业 09:00–18:00" / "今日休息", for a store card. */
export function todayHoursText(store: Pick<Store, 'timeZone' | 'openingHours' | 'closedDates'>): string {
  const { date, weekday } = storeToday(store);
  if (isClosedDate(store.closedDates, date)) return '今日休息';
  const periods = periodsOn(store.openingHours, weekday);
  if (periods.length === 0) return '今日休息';
  return `今日营业 ${periods.map((p) => `${p.opens}–${p.closes}`).join('、')}`;
}

/** Upcoming extra closed dates (today or later), "YYYY-MM-DD", earliest first. */
export function upcomingClosedDates(store: Pick<Store, 'timeZone' | 'closedDates'>): string[] {
  const { date } = storeToday(store);
  return store.closedDates.filter((d) => d >= date).sort();
}

/** "3.2 km" */
export function formatDistance(km: number): string {
  return `${km.toFixed(1)} km`;
}
