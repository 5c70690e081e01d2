import {
  MAX_DATE_OPTIONS,
  MAX_OFFER_DAYS_AHEAD,
  daysBetween,
  isClosedDate,
  parseClockTime,
  periodsOn,
  validateDateOptions,
  weekdayOf,
  type DeclareDelayRequest,
  type DeliveryDateChoice,
  type FieldError,
  type OfferDatesRequest,
  type StoreSchedule,
} from '@dealer-care/domain';
import type { Dayjs } from 'dayjs';

/** Offered times step by half an hour. */
export const OFFER_MINUTE_STEP = 30;

/** One row of the form: a store-local date and a time. */
export interface DateRowValue {
  date?: Dayjs | null;
  time?: Dayjs | null;
}

export interface OfferFormValues {
  options: DateRowValue[];
  note?: string;
}

export interface DelayFormValues extends OfferFormValues {
  reason: string;
}

export { MAX_DATE_OPTIONS };

/** The rows as the API wants them, one choice per row, in the rows' order. */
export function toDateChoices(rows: readonly DateRowValue[]): DeliveryDateChoice[] {
  return rows.map((row) => ({
    date: row.date ? row.date.format('YYYY-MM-DD') : '',
    time: row.time ? row.time.format('HH:mm') : '',
  }));
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

export function toOfferRequest(values: OfferFormValues): OfferDatesRequest {
  const note = trimmed(values.note);
  return { options: toDateChoices(values.options), ...(note ? { note } : {}) };
}

export function toDelayRequest(values: DelayFormValues): DeclareDelayRequest {
  return { ...toOfferRequest(values), reason: values.reason.trim() };
}

/**
 * The same checks the server makes (open hours, lead time, distinct, at most 120 days ahead),
 * so the consultant sees a mistake before sending; the server still has the last word.
 */
export function checkOffer(
  rows: readonly DateRowValue[],
  store: StoreSchedule,
  now: Date = new Date(),
): FieldError[] {
  return validateDateOptions(toDateChoices(rows), store, now).errors;
}

/** A form path for a field the server (or checkOffer) names. */
export type FormPath = string | (string | number)[];

/** `options.1` and `options.1.date` land on the row's date, `options.1.time` on its time. */
export function offerFieldPath(field: string): FormPath | null {
  if (field === 'note' || field === 'reason') return field;
  const match = /^options(?:\.(\d+)(?:\.(date|time))?)?$/.exec(field);
  if (!match) return null;
  if (match[1] === undefined) return 'options';
  return ['options', Number(match[1]), match[2] ?? 'date'];
}

/** Field errors as antd's `form.setFields` wants them; errors of unknown fields are left out. */
export function formFieldErrors(
  errors: readonly FieldError[],
  pathOf: (field: string) => FormPath | null,
): Array<{ name: FormPath; errors: string[] }> {
  const byPath = new Map<string, { name: FormPath; errors: string[] }>();
  for (const { field, message } of errors) {
    const name = pathOf(field);
    if (name === null) continue;
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byPath.set(key, entry);
  }
  return [...byPath.values()];
}

/** Whether the store is open at all on a store-local date. */
export function isOpenDate(store: StoreSchedule, date: string): boolean {
  return !isClosedDate(store.closedDates, date) && periodsOn(store.openingHours, weekdayOf(date)).length > 0;
}

/** Dates the picker greys out: before today, beyond the offer horizon, or closed days. */
export function isOfferableDate(store: StoreSchedule, date: string, today: string): boolean {
  const ahead = daysBetween(today, date);
  return ahead >= 0 && ahead <= MAX_OFFER_DAYS_AHEAD && isOpenDate(store, date);
}

/** The half-hour start times ("HH:mm") within the store's opening hours on a date. */
export function openHalfHours(store: StoreSchedule, date: string): string[] {
  if (isClosedDate(store.closedDates, date)) return [];
  const minutes = new Set<number>();
  for (const period of periodsOn(store.openingHours, weekdayOf(date))) {
    const opens = parseClockTime(period.opens);
    const closes = parseClockTime(period.closes);
    if (opens === null || closes === null) continue;
    const first = Math.ceil(opens / OFFER_MINUTE_STEP) * OFFER_MINUTE_STEP;
    for (let minute = first; minute < closes; minute += OFFER_MINUTE_STEP) minutes.add(minute);
  }
  return [...minutes]
    .sort((a, b) => a - b)
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
}

/** The hours and minutes a time picker greys out on a date, from its open half hours. */
export function disabledTimeOn(open: readonly string[]): {
  disabledHours: () => number[];
  disabledMinutes: (hour: number) => number[];
} {
  const byHour = new Map<number, Set<number>>();
  for (const time of open) {
    const [h, m] = time.split(':').map(Number) as [number, number];
    byHour.set(h, (byHour.get(h) ?? new Set()).add(m));
  }
  const steps = Array.from({ length: 60 / OFFER_MINUTE_STEP }, (_, i) => i * OFFER_MINUTE_STEP);
  return {
    disabledHours: () => Array.from({ length: 24 }, (_, h) => h).filter((h) => !byHour.has(h)),
    disabledMinutes: (hour) => steps.filter((m) => !byHour.get(hour)?.has(m)),
  };
}
