/**
 * How a delivery reads to the customer: dates, the car, the confirmations before delivery and what
 * the customer is waiting for. Store-local dates and times come ready from the server (`localDate`,
 * `localTime`, always "YYYY-MM-DD" and "HH:mm"), so nothing here depends on the device's time zone
 * except "today", which the caller passes in (the store-local date of now). Weekdays and day
 * arithmetic come from time/zoned-time and, like it, throw a RangeError for a date not so written.
 */
import { WEEKDAY_LABEL_ZH } from '../store/store.types.js';
import { addDays, daysBetween, isIsoDate, weekdayOf } from '../time/zoned-time.js';
import {
  CONFIRMATION_STAGES,
  type ConfirmationStage,
  type DeliveryConfirmation,
  type DeliveryDateOption,
  type DeliveryTimelineEntry,
  type SalesOrder,
} from './delivery.types.js';

/** Year, month and day of a "YYYY-MM-DD" date, as written. */
function dateFields(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** "周六" */
function weekdayLabel(date: string): string {
  return WEEKDAY_LABEL_ZH[weekdayOf(date)];
}

/** "11月28日" — with the year ("2027年1月3日") when it is not the year of `today`. */
export function dayLabel(date: string, today?: string): string {
  const { year, month, day } = dateFields(date);
  const sameYear = !today || dateFields(today).year === year;
  return `${sameYear ? '' : `${year}年`}${month}月${day}日`;
}

/** "今天" / "明天" / "后天", else null (also when either is not a "YYYY-MM-DD" date). */
export function relativeDayLabel(date: string, today: string): string | null {
  if (!isIsoDate(date) || !isIsoDate(today)) return null;
  const offset = daysBetween(today, date);
  return offset === 0 ? '今天' : offset === 1 ? '明天' : offset === 2 ? '后天' : null;
}

/** The lines of a date card: "11月28日", "周六", "10:00" and "明天" when near. */
export function dateOptionParts(
  option: Pick<DeliveryDateOption, 'localDate' | 'localTime'>,
  today?: string,
): { day: string; weekday: string; time: string; relative: string | null } {
  return {
    day: dayLabel(option.localDate, today),
    weekday: weekdayLabel(option.localDate),
    time: option.localTime,
    relative: today ? relativeDayLabel(option.localDate, today) : null,
  };
}

/** "11月28日 周六 10:00" */
export function dateOptionLabel(
  option: Pick<DeliveryDateOption, 'localDate' | 'localTime'>,
  today?: string,
): string {
  const parts = dateOptionParts(option, today);
  return `${parts.day} ${parts.weekday} ${parts.time}`;
}

/** "11月28日 周六" for a store-local date. */
export function localDateLabel(date: string, today?: string): string {
  return `${dayLabel(date, today)} ${weekdayLabel(date)}`;
}

/** "11月20日–11月30日", the promised delivery window. */
export function promisedWindowLabel(
  order: Pick<SalesOrder, 'promisedFrom' | 'promisedTo'>,
  today?: string,
): string {
  if (order.promisedFrom === order.promisedTo) return dayLabel(order.promisedFrom, today);
  return `${dayLabel(order.promisedFrom, today)}–${dayLabel(order.promisedTo, today)}`;
}

/** The last 6 characters of the VIN (车架号), enough for the customer to recognise the car. */
export function vinTail(vin: string | null): string | null {
  const value = vin?.trim();
  return value ? value.slice(-6).toUpperCase() : null;
}

/** "星辰 S5 · 豪华版 · 珍珠白" */
export function carLine(order: Pick<SalesOrder, 'model' | 'trim' | 'colour'>): string {
  return [order.model.name, order.trim, order.colour].filter((part) => part && part.trim()).join(' · ');
}

/** How one of the two confirmations before delivery stands for the current appointment. */
export type ConfirmationRowState =
  /** Confirmed, by the customer (按时到店) or on the consultant's call. */
  | 'confirmed'
  /** Due today and not yet confirmed. */
  | 'due'
  /** Its window has not opened yet. */
  | 'upcoming'
  /** Its window has passed without a confirmation. */
  | 'missed';

export interface ConfirmationRow {
  stage: ConfirmationStage;
  state: ConfirmationRowState;
  /** The confirmation that counted (state confirmed). */
  confirmation: DeliveryConfirmation | null;
  /** The last call of this stage did not reach the customer. */
  lastCallNotReached: boolean;
  /** First store-local day the stage may be confirmed. */
  opensOn: string;
}

/** First day of each stage's window: T-3 runs from three days before until two days before, T-1 the day before. */
const STAGE_OPENS_DAYS_BEFORE: Record<ConfirmationStage, number> = { 'T-3': 3, 'T-1': 1 };
const STAGE_CLOSES_DAYS_BEFORE: Record<ConfirmationStage, number> = { 'T-3': 2, 'T-1': 1 };

/**
 * The T-3 and T-1 confirmations of the current appointment, for the 到店确认 card; empty before a
 * date is agreed. Confirmations of an earlier appointment (before a delay or a move) do not count.
 */
export function confirmationRows(
  order: Pick<SalesOrder, 'scheduled' | 'confirmations' | 'confirmationDue'>,
  today: string,
): ConfirmationRow[] {
  const scheduled = order.scheduled;
  if (!scheduled) return [];
  const current = new Date(scheduled.startsAt).getTime();
  return CONFIRMATION_STAGES.map((stage) => {
    const ofStage = order.confirmations.filter(
      (entry) => entry.stage === stage && new Date(entry.scheduledAt).getTime() === current,
    );
    const confirmation = ofStage.find((entry) => entry.outcome === 'confirmed') ?? null;
    const lastCallNotReached = ofStage[ofStage.length - 1]?.outcome === 'not_reached';
    const opensOn = addDays(scheduled.localDate, -STAGE_OPENS_DAYS_BEFORE[stage]);
    const closesOn = addDays(scheduled.localDate, -STAGE_CLOSES_DAYS_BEFORE[stage]);
    let state: ConfirmationRowState;
    if (confirmation) state = 'confirmed';
    else if (order.confirmationDue?.stage === stage && !order.confirmationDue.done) state = 'due';
    else if (today < opensOn) state = 'upcoming';
    else if (today > closesOn) state = 'missed';
    else state = 'due';
    return { stage, state, confirmation, lastCallNotReached, opensOn };
  });
}

function lastEntry(timeline: readonly DeliveryTimelineEntry[]): DeliveryTimelineEntry | undefined {
  const sorted = [...timeline].sort((a, b) => a.at.localeCompare(b.at));
  return sorted[sorted.length - 1];
}

/** The customer's own request for other dates, when it is the last word on the order. */
function pendingRequest(order: Pick<SalesOrder, 'status' | 'timeline'>): DeliveryTimelineEntry | null {
  if (order.status !== 'scheduling') return null;
  const last = lastEntry(order.timeline);
  return last?.action === 'request_other_dates' && last.actor === 'customer' ? last : null;
}

/** What the customer wrote when asking for other dates, while the store has not answered yet. */
export function pendingRequestNote(order: Pick<SalesOrder, 'status' | 'timeline'>): string | null {
  return pendingRequest(order)?.note ?? null;
}

/**
 * While no date can be chosen in 待定交车时间: what the customer is waiting for. The last word on
 * the order decides (the customer's own request for other dates, a delay, or nothing yet).
 */
export function waitingForDatesText(
  order: Pick<SalesOrder, 'status' | 'dateOptions' | 'delay' | 'timeline'>,
): string | null {
  if (order.status !== 'scheduling' || order.dateOptions.length > 0) return null;
  if (pendingRequest(order)) {
    return '您已申请其他时间，门店会尽快与您联系并提供新的可选时间';
  }
  if (order.delay) return '门店正在重新安排交车时间，新的可选时间提供后会通知您';
  return '门店正在为您安排交车时间，可选时间提供后会通知您';
}
