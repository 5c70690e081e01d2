import { ISO_WEEKDAYS, WEEKDAY_LABEL_ZH } from './store.types.js';
import type { IsoWeekday, OpeningPeriod } from './store.types.js';

const MINUTES_PER_DAY = 24 * 60;

/** "HH:mm" (00:00–24:00) → minutes since midnight; null when malformed. "24:00" marks closing at midnight. */
export function parseClockTime(value: string): number | null {
  if (typeof value !== 'string') return null; // periods may arrive from untyped JSON
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

const isIsoWeekday = (value: unknown): value is IsoWeekday => ISO_WEEKDAYS.includes(value as IsoWeekday);

const range = (p: OpeningPeriod): string => `${p.opens}–${p.closes}`;

/** Chinese error messages; an empty array means the opening hours are valid. Overnight periods are not supported. */
export function validateOpeningHours(periods: OpeningPeriod[]): string[] {
  const errors: string[] = [];
  const valid: Array<OpeningPeriod & { from: number; to: number }> = [];

  periods.forEach((period, index) => {
    if (!isIsoWeekday(period.weekday)) {
      errors.push(`第${index + 1}个营业时段的星期无效：${String(period.weekday)}（应为1–7）`);
      return;
    }
    const label = WEEKDAY_LABEL_ZH[period.weekday];
    const from = parseClockTime(period.opens);
    const to = parseClockTime(period.closes);
    if (from === null) errors.push(`${label}开始时间格式不正确：“${String(period.opens)}”（应为 HH:mm）`);
    if (to === null) errors.push(`${label}结束时间格式不正确：“${String(period.closes)}”（应为 HH:mm）`);
    if (from === null || to === null) return;
    if (from >= to) {
      errors.push(`${label}开始时间 ${period.opens} 须早于结束时间 ${period.closes}`);
      return;
    }
    valid.push({ ...period, from, to });
  });

  for (const weekday of ISO_WEEKDAYS) {
    const day = valid.filter((p) => p.weekday === weekday).sort((a, b) => a.from - b.from);
    // Sorted by start, so each period only needs checking against the one that ends latest so far.
    let latest = day[0];
    for (const current of day.slice(1)) {
      if (latest && current.from < latest.to) {
        errors.push(`${WEEKDAY_LABEL_ZH[weekday]}营业时段 ${range(latest)} 与 ${range(current)} 重叠`);
      }
      if (!latest || current.to > latest.to) latest = current;
    }
  }
  return errors;
}

/** The periods of one weekday, earliest first. */
export function periodsOn(periods: readonly OpeningPeriod[], weekday: IsoWeekday): OpeningPeriod[] {
  const start = (p: OpeningPeriod): number => parseClockTime(p.opens) ?? MINUTES_PER_DAY + 1;
  return periods.filter((p) => p.weekday === weekday).sort((a, b) => start(a) - start(b));
}

/**
 * Display lines, Monday first, consecutive weekdays with identical hours merged:
 * `['周一至周五 09:00–18:00', '周六 09:00–12:00、13:30–17:30', '周日 休息']`.
 */
export function formatOpeningHours(periods: readonly OpeningPeriod[]): string[] {
  const hours = ISO_WEEKDAYS.map((weekday) => {
    const day = periodsOn(periods, weekday);
    return day.length === 0 ? '休息' : day.map(range).join('、');
  });
  const label = (i: number): string => WEEKDAY_LABEL_ZH[ISO_WEEKDAYS[i]!];

  const lines: string[] = [];
  let first = 0;
  for (let i = 1; i <= hours.length; i++) {
    if (i < hours.length && hours[i] === hours[first]) continue;
    const days = first === i - 1 ? label(first) : `${label(first)}至${label(i - 1)}`;
    lines.push(`${days} ${hours[first]}`);
    first = i;
  }
  return lines;
}

/** Whether `date` ("YYYY-MM-DD", store time zone) is one of the store's extra closed dates. */
export function isClosedDate(closedDates: readonly string[], date: string): boolean {
  return closedDates.includes(date);
}
