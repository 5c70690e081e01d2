import { utcToZoned, WEEKDAY_LABEL_ZH, type IsoWeekday } from '@dealer-care/domain';

/** Store zones we know the fixed offset of, for engines whose Intl ignores `timeZone` (minutes east of UTC). */
const FIXED_OFFSET_MINUTES: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Urumqi': 360,
};

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Wall-clock fields of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: IsoWeekday;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoWeekday(year: number, month: number, day: number): IsoWeekday {
  const jsDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

/** The fields of a "YYYY-MM-DD" date and an "HH:mm" time, or null when they are not written so. */
function wallClockParts(date: string, time: string): Omit<ZonedParts, 'weekday'> | null {
  const d = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
  };
}

/** The domain's Intl reading, or null where the engine cannot give one (no time-zone data). */
function intlParts(instant: Date, timeZone: string): ZonedParts | null {
  try {
    const { date, time, weekday } = utcToZoned(instant, timeZone);
    const parts = wallClockParts(date, time);
    return parts ? { ...parts, weekday } : null;
  } catch {
    return null;
  }
}

/**
 * The wall-clock time of an instant in the store's zone. Uses the domain's `utcToZoned` (Intl) where the
 * engine supports time zones (browsers, WeChat's JS engines) and a fixed offset for the mainland zones
 * otherwise.
 */
export function zonedParts(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const viaIntl = intlParts(date, timeZone);
  if (viaIntl) return viaIntl;
  const offset = FIXED_OFFSET_MINUTES[timeZone] ?? -date.getTimezoneOffset();
  const shifted = new Date(date.getTime() + offset * 60_000);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    year,
    month,
    day,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: isoWeekday(year, month, day),
  };
}

/** "YYYY-MM-DD" of an instant in the zone. */
export function localDateOf(instant: Date | string, timeZone?: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:mm" of an instant in the zone. */
export function localTimeOf(instant: Date | string, timeZone?: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "11月25日 周三" */
function dayText(p: Pick<ZonedParts, 'month' | 'day' | 'weekday'>): string {
  return `${p.month}月${p.day}日 ${WEEKDAY_LABEL_ZH[p.weekday]}`;
}

/** "2026年11月25日 周三 10:00–11:00" (the year only when it is not the current one). */
export function formatSlotRange(startsAt: string, endsAt: string, timeZone?: string): string {
  const start = zonedParts(startsAt, timeZone);
  const now = zonedParts(new Date(), timeZone);
  const year = start.year === now.year ? '' : `${start.year}年`;
  return `${year}${dayText(start)} ${pad(start.hour)}:${pad(start.minute)}–${localTimeOf(endsAt, timeZone)}`;
}

/** "11月25日 周三 10:00" */
export function formatSlotStart(startsAt: string, timeZone?: string): string {
  const p = zonedParts(startsAt, timeZone);
  return `${dayText(p)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "11-25 14:32" for a timeline entry. */
export function formatMoment(at: string, timeZone?: string): string {
  const p = zonedParts(at, timeZone);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Days from `from` to `to`, both "YYYY-MM-DD". */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Labels of a date strip cell: "今天"/"明天"/"周三" and "11/25". */
export function dateCellLabels(date: string, today: string): { weekday: string; day: string } {
  const { year, month, day } = parseIsoDate(date);
  const offset = daysBetween(today, date);
  const weekday =
    offset === 0
      ? '今天'
      : offset === 1
        ? '明天'
        : offset === 2
          ? '后天'
          : WEEKDAY_LABEL_ZH[isoWeekday(year, month, day)];
  return { weekday, day: `${month}/${day}` };
}

/** "11月25日 周三" for a "YYYY-MM-DD" date. */
export function formatLocalDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return dayText({ month, day, weekday: isoWeekday(year, month, day) });
}
