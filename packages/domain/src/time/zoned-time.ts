/**
 * Wall-clock time in an IANA time zone, with nothing but `Intl`. Stores keep their own zone:
 * slot grids are planned in local time and stored as UTC instants.
 */
import type { IsoWeekday } from '../store/store.types.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// en-US with h23 formats as "11/24/2026, 09:00:00"; format() is several times faster than formatToParts().
const EN_US = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Results of wallClockMs by zone and instant. Slot grids convert the same few instants (each day's
 * midnights) on every availability request, and Intl formatting is the costly part; an exact memo,
 * emptied when it grows past a bound so it cannot leak.
 */
const wallClockMemo = new Map<string, Map<number, number>>();
const WALL_CLOCK_MEMO_LIMIT = 20_000;

/** The zone's wall clock at `ms`, read as if it were UTC (milliseconds dropped). */
function wallClockMs(ms: number, timeZone: string): number {
  let memo = wallClockMemo.get(timeZone);
  if (!memo) {
    memo = new Map();
    wallClockMemo.set(timeZone, memo);
  }
  let wall = memo.get(ms);
  if (wall === undefined) {
    wall = formatWallClockMs(ms, timeZone);
    if (memo.size >= WALL_CLOCK_MEMO_LIMIT) memo.clear();
    memo.set(ms, wall);
  }
  return wall;
}

function formatWallClockMs(ms: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  const match = EN_US.exec(formatter.format(ms));
  if (match) {
    const [, mo, d, y, h, mi, s] = match.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h! % 24, mi!, s!);
  }
  // Unusual output (e.g. years before 1000): read the parts.
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** [year, month, day] of a real "YYYY-MM-DD" date; RangeError otherwise. */
function parseDate(date: string): [number, number, number] {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) {
      return [y, m, d];
    }
  }
  throw new RangeError(`Invalid date (YYYY-MM-DD expected): ${String(date)}`);
}

/** Minutes since midnight of "HH:mm" (00:00–24:00); RangeError otherwise. */
function parseTime(time: string): number {
  const match = typeof time === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`Invalid time (HH:mm expected): ${String(time)}`);
  return minutes;
}

function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar date "YYYY-MM-DD" in the zone at `ms`, not memoised (for instants that seldom repeat). */
export function zonedDateAt(ms: number, timeZone: string): string {
  return formatDate(formatWallClockMs(ms, timeZone));
}

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date "YYYY-MM-DD". */
export function weekdayOf(date: string): IsoWeekday {
  const [y, m, d] = parseDate(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** Calendar arithmetic on "YYYY-MM-DD", no time zone involved. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays expects whole days: ${days}`);
  const [y, m, d] = parseDate(date);
  return formatDate(Date.UTC(y, m - 1, d) + days * MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parseDate(from);
  const [ty, tm, td] = parseDate(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / MS_PER_DAY);
}

/**
 * The instant a store-local wall-clock time happens. "24:00" is midnight at the end of `date`.
 * A time repeated when clocks go back resolves to its first occurrence; a time skipped when
 * clocks go forward resolves to the same distance after the jump (02:30 → 03:30), like
 * Temporal's "compatible" disambiguation.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = parseDate(date);
  const wall = Date.UTC(y, m - 1, d) + parseTime(time) * MS_PER_MINUTE;
  // Offsets in force around that wall time; a zone changes its offset at most once within ±1 day.
  const before = offsetMs(wall - MS_PER_DAY, timeZone);
  const after = offsetMs(wall + MS_PER_DAY, timeZone);
  if (before === after) return new Date(wall - before);
  const candidates = [before, after]
    .map((offset) => wall - offset)
    .filter((ms) => wallClockMs(ms, timeZone) === wall)
    .sort((a, b) => a - b);
  // No candidate: the wall time was skipped; read it with the offset from before the jump.
  return new Date(candidates[0] ?? wall - before);
}

/** Store-local date, "HH:mm" and ISO weekday of an instant. */
export function utcToZoned(
  instant: Date,
  timeZone: string,
): { date: string; time: string; weekday: IsoWeekday } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const wall = wallClockMs(Math.floor(ms / 1000) * 1000, timeZone);
  const date = formatDate(wall);
  const minutes = Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  return { date, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`, weekday: weekdayOf(date) };
}
