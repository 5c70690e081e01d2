/** Field rules of orders and deliveries: offered dates, promised windows, checklists, order numbers. */
import type { FieldError } from '../errors/problem-details.js';
import { isClosedDate, parseClockTime, periodsOn } from '../store/opening-hours.js';
import type { StoreSchedule } from '../test-drive/availability.js';
import { generateReadableCode } from '../text/readable-code.js';
import { localDateIn } from '../time/local-date.js';
import { daysBetween, isIsoDate, utcToZoned, weekdayOf, zonedToUtc } from '../time/zoned-time.js';
import {
  CHECKLIST_KINDS,
  MAX_DATE_OPTIONS,
  type ChecklistItem,
  type ChecklistItemTemplate,
  type ChecklistKind,
  type DeliveryChecklistTemplates,
  type DeliveryDateChoice,
  type DeliveryDateOption,
} from './delivery.types.js';

/** An offered delivery must start at least this long from now, so the customer has time to answer. */
export const MIN_OFFER_LEAD_MINUTES = 120;
/** Dates further ahead than this are not offered (a typo in the year, usually). */
export const MAX_OFFER_DAYS_AHEAD = 120;
/** The longest promised delivery window written into an order. */
export const MAX_PROMISED_WINDOW_DAYS = 90;

const MS_PER_MINUTE = 60_000;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ORDER_NUMBER_PATTERN = /^SO\d{8}[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

/** 'SO' + the store-local date + 4 readable characters, e.g. SO20261123K7Q2. */
export function generateOrderNumber(localDate: string, random: () => number = Math.random): string {
  return generateReadableCode(`SO${localDate.replaceAll('-', '')}`, 4, random);
}

export function toDateOption(startsAt: Date | string, timeZone: string): DeliveryDateOption {
  const instant = new Date(startsAt);
  const { date, time } = utcToZoned(instant, timeZone);
  return { startsAt: instant.toISOString(), localDate: date, localTime: time };
}

/**
 * Checks the dates a consultant offers: one to three, distinct, during opening hours on an open
 * day, at least MIN_OFFER_LEAD_MINUTES from now and at most MAX_OFFER_DAYS_AHEAD days ahead.
 * Returns the field errors, or the options as instants.
 */
export function validateDateOptions(
  choices: readonly DeliveryDateChoice[],
  store: StoreSchedule,
  now: Date,
  field = 'options',
): { errors: FieldError[]; options: DeliveryDateOption[] } {
  const errors: FieldError[] = [];
  if (choices.length < 1 || choices.length > MAX_DATE_OPTIONS) {
    return { errors: [{ field, message: `请提供1到${MAX_DATE_OPTIONS}个交车时间` }], options: [] };
  }
  const today = localDateIn(store.timeZone, now);
  const options: DeliveryDateOption[] = [];
  const seen = new Set<number>();
  choices.forEach((choice, index) => {
    const at = `${field}.${index}`;
    if (!isIsoDate(choice.date)) {
      errors.push({ field: `${at}.date`, message: '日期格式应为 YYYY-MM-DD' });
      return;
    }
    if (!TIME_PATTERN.test(choice.time)) {
      errors.push({ field: `${at}.time`, message: '时间格式应为 HH:mm' });
      return;
    }
    const minute = parseClockTime(choice.time)!;
    const open = periodsOn(store.openingHours, weekdayOf(choice.date)).some(
      (period) => minute >= parseClockTime(period.opens)! && minute < parseClockTime(period.closes)!,
    );
    if (isClosedDate(store.closedDates, choice.date) || !open) {
      errors.push({ field: at, message: `${choice.date} ${choice.time} 门店不营业` });
      return;
    }
    const startsAt = zonedToUtc(choice.date, choice.time, store.timeZone);
    if (startsAt.getTime() < now.getTime() + MIN_OFFER_LEAD_MINUTES * MS_PER_MINUTE) {
      errors.push({ field: at, message: `交车时间需至少在${MIN_OFFER_LEAD_MINUTES / 60}小时之后` });
      return;
    }
    if (daysBetween(today, choice.date) > MAX_OFFER_DAYS_AHEAD) {
      errors.push({ field: at, message: `交车时间不能超过${MAX_OFFER_DAYS_AHEAD}天之后` });
      return;
    }
    if (seen.has(startsAt.getTime())) {
      errors.push({ field: at, message: '交车时间不能重复' });
      return;
    }
    seen.add(startsAt.getTime());
    options.push(toDateOption(startsAt, store.timeZone));
  });
  options.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { errors, options: errors.length > 0 ? [] : options };
}

/** Whether `startsAt` is one of the dates currently offered. */
export function isOfferedOption(options: readonly { startsAt: string }[], startsAt: string): boolean {
  const wanted = new Date(startsAt).getTime();
  return !Number.isNaN(wanted) && options.some((option) => new Date(option.startsAt).getTime() === wanted);
}

/** The promised delivery window of a new order: real dates, in order, not over, at most 90 days long. */
export function validatePromisedWindow(from: string, to: string, today: string): FieldError[] {
  if (!isIsoDate(from)) return [{ field: 'promisedFrom', message: '日期格式应为 YYYY-MM-DD' }];
  if (!isIsoDate(to)) return [{ field: 'promisedTo', message: '日期格式应为 YYYY-MM-DD' }];
  if (daysBetween(from, to) < 0) return [{ field: 'promisedTo', message: '结束日期不能早于开始日期' }];
  if (daysBetween(today, to) < 0) return [{ field: 'promisedTo', message: '承诺交车期不能已经过去' }];
  if (daysBetween(from, to) > MAX_PROMISED_WINDOW_DAYS) {
    return [{ field: 'promisedTo', message: `承诺交车期最长${MAX_PROMISED_WINDOW_DAYS}天` }];
  }
  return [];
}

const CHECKLIST_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const MAX_CHECKLIST_ITEMS = 20;
export const MAX_CHECKLIST_LABEL_LENGTH = 40;

/** A store's edited checklist: 1–20 items, keys unique and well-formed, labels 1–40 characters. */
export function validateChecklistTemplate(
  items: readonly ChecklistItemTemplate[],
  field: string,
): FieldError[] {
  if (items.length < 1 || items.length > MAX_CHECKLIST_ITEMS) {
    return [{ field, message: `清单需有1到${MAX_CHECKLIST_ITEMS}项` }];
  }
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  items.forEach((item, index) => {
    if (!CHECKLIST_KEY_PATTERN.test(item.key)) {
      errors.push({
        field: `${field}.${index}.key`,
        message: '编码只能用小写字母、数字和下划线，以字母开头',
      });
    } else if (keys.has(item.key)) {
      errors.push({ field: `${field}.${index}.key`, message: '编码不能重复' });
    }
    keys.add(item.key);
    const label = item.label.trim();
    if (label.length < 1 || Array.from(label).length > MAX_CHECKLIST_LABEL_LENGTH) {
      errors.push({
        field: `${field}.${index}.label`,
        message: `名称需为1到${MAX_CHECKLIST_LABEL_LENGTH}个字`,
      });
    }
  });
  return errors;
}

/** A new order's checklists: the store's templates, nothing ticked. */
export function checklistsFromTemplates(
  templates: DeliveryChecklistTemplates,
): Record<ChecklistKind, ChecklistItem[]> {
  const lists = {} as Record<ChecklistKind, ChecklistItem[]>;
  for (const kind of CHECKLIST_KINDS) {
    lists[kind] = templates[kind].map(({ key, label }) => ({
      key,
      label: label.trim(),
      done: false,
      doneAt: null,
      doneByName: null,
    }));
  }
  return lists;
}

/** Ticks or unticks one item; null when the list has no such key. */
export function tickChecklistItem(
  items: readonly ChecklistItem[],
  key: string,
  done: boolean,
  by: { name: string; at: Date },
): ChecklistItem[] | null {
  if (!items.some((item) => item.key === key)) return null;
  return items.map((item) =>
    item.key !== key
      ? item
      : done
        ? { ...item, done: true, doneAt: by.at.toISOString(), doneByName: by.name }
        : { ...item, done: false, doneAt: null, doneByName: null },
  );
}
