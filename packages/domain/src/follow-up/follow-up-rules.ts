/**
 * Which follow-up tasks an event creates, for whom, and when they are due, in the store's time
 * zone and working hours. Pure: the API stores the plans and the job runner turns them into inbox
 * rows and reminders.
 *
 * Direction of the working-hours adjustment: a due time outside opening hours or on a closed day
 * moves FORWARD to the next opening. Staff can only call while the store is open, and moving
 * earlier would make a task due before what it follows up has had its time (the 72 h without an
 * order, the five days with the new car). Where the standard says "within N days", windowStart
 * opens earlier so the promise can still be kept. The one exception is the pre-delivery
 * confirmation calls, which move BACKWARD: a confirmation after the delivery is useless.
 */
import type { ConfirmationStage } from '../delivery/delivery.types.js';
import { addDays, utcToZoned, zonedToUtc } from '../time/zoned-time.js';
import { nextStoreOpening, storeDayHours, storeOpenDayFrom } from './follow-up-hours.js';
import { FOLLOW_UP_EVENT_SOURCE, INTENT_FOLLOW_UP_DAYS } from './follow-up.types.js';
import type {
  FollowUpAssignee,
  FollowUpContext,
  FollowUpEvent,
  FollowUpStoreHours,
  FollowUpTask,
  FollowUpTaskKind,
} from './follow-up.types.js';

const MS_PER_HOUR = 3_600_000;

/** A new customer's enquiry or booking is answered within a day (DOMAIN: reception and leads). */
export const FIRST_CONTACT_WITHIN_HOURS = 24;
/** Without an order this long after a test drive, the consultant calls back. */
export const TEST_DRIVE_NO_ORDER_CALLBACK_HOURS = 72;
/** A low survey score is called back within a day, by a manager (as low-score cases are). */
export const LOW_SCORE_CALLBACK_WITHIN_HOURS = 24;
/** Thank-you letter and call within 5 days of delivery. */
export const DELIVERY_THANK_YOU_DAYS = 5;
/** The service advisor calls within 7 days of delivery. */
export const SERVICE_ADVISOR_CALL_DAYS = 7;
/**
 * First maintenance is usually due at 3 months or 5,000 km, whichever comes first. Mileage is not
 * known here, so the date decides: 90 days after delivery.
 */
export const FIRST_MAINTENANCE_DAYS = 90;
/** The reminder asks the customer to book, so it comes a week before the first maintenance is due. */
export const FIRST_MAINTENANCE_REMINDER_LEAD_DAYS = 7;

/** Calendar days before the delivery date each confirmation may be made: T-3 on days 3–2, T-1 on day 1. */
const CONFIRMATION_WINDOW_DAYS: Record<ConfirmationStage, { from: number; to: number }> = {
  'T-3': { from: 3, to: 2 },
  'T-1': { from: 1, to: 1 },
};
const CONFIRMATION_KIND: Record<ConfirmationStage, FollowUpTaskKind> = {
  'T-3': 'delivery_t3_call',
  'T-1': 'delivery_t1_call',
};

type Timing = Pick<FollowUpTask, 'dueAt' | 'windowStart'>;

const localDate = (instant: Date, store: FollowUpStoreHours): string =>
  utcToZoned(instant, store.timeZone).date;

/** The whole calendar day, for a store with no open day at all: the task still exists. */
function calendarDay(store: FollowUpStoreHours, date: string): Timing {
  return {
    windowStart: zonedToUtc(date, '00:00', store.timeZone),
    dueAt: zonedToUtc(date, '24:00', store.timeZone),
  };
}

/** A task for a day: the first open day on or after `date`, from its opening until its closing. */
function onOpenDay(store: FollowUpStoreHours, date: string): Timing {
  const day = storeOpenDayFrom(store, date, 1);
  const hours = day ? storeDayHours(store, day) : null;
  return hours ? { windowStart: hours.opens, dueAt: hours.closes } : calendarDay(store, date);
}

/** Due `hours` after the event (moved to the next opening), workable from the first opening after it. */
function withinHours(store: FollowUpStoreHours, at: Date, hours: number): Timing {
  return {
    windowStart: nextStoreOpening(store, at),
    dueAt: nextStoreOpening(store, new Date(at.getTime() + hours * MS_PER_HOUR)),
  };
}

/** Due by the close of day N after `date`, workable from the first open day after `date`. */
function withinDays(store: FollowUpStoreHours, date: string, days: number): Timing {
  return {
    windowStart: onOpenDay(store, addDays(date, 1)).windowStart,
    dueAt: onOpenDay(store, addDays(date, days)).dueAt,
  };
}

/**
 * A confirmation's open days before the delivery date. When the whole window is closed it moves
 * back to the previous open day; null when the store never opens.
 */
function confirmationTiming(
  store: FollowUpStoreHours,
  deliveryDate: string,
  stage: ConfirmationStage,
): Timing | null {
  const { from, to } = CONFIRMATION_WINDOW_DAYS[stage];
  const first = storeOpenDayFrom(store, addDays(deliveryDate, -from), 1);
  const last = storeOpenDayFrom(store, addDays(deliveryDate, -to), -1);
  const inWindow = first !== null && last !== null && first <= last;
  const start = inWindow ? first : last;
  const end = last;
  const opens = start ? storeDayHours(store, start) : null;
  const closes = end ? storeDayHours(store, end) : null;
  return opens && closes ? { windowStart: opens.opens, dueAt: closes.closes } : null;
}

/** The tasks an event creates, earliest due first. */
export function tasksForEvent(event: FollowUpEvent, context: FollowUpContext): FollowUpTask[] {
  const { store } = context;
  const sourceType = FOLLOW_UP_EVENT_SOURCE[event.type];
  const task = (kind: FollowUpTaskKind, assignee: FollowUpAssignee, timing: Timing): FollowUpTask => ({
    kind,
    assignee,
    dueAt: timing.dueAt,
    ...(timing.windowStart ? { windowStart: timing.windowStart } : {}),
    sourceType,
    sourceId: event.sourceId,
  });
  const today = localDate(event.at, store);

  const tasks: FollowUpTask[] = [];
  switch (event.type) {
    case 'test_drive_completed':
      // The next-day call also asks the intent question; the 72 h callback is cancelled by an order.
      tasks.push(task('test_drive_next_day_call', 'consultant', onOpenDay(store, addDays(today, 1))));
      tasks.push(
        task('test_drive_no_order_callback', 'consultant', {
          dueAt: nextStoreOpening(
            store,
            new Date(event.at.getTime() + TEST_DRIVE_NO_ORDER_CALLBACK_HOURS * MS_PER_HOUR),
          ),
        }),
      );
      break;
    case 'enquiry_received':
    case 'test_drive_booked':
      // Known customers already have a consultant talking to them.
      if (event.newCustomer) {
        tasks.push(
          task('first_contact', 'consultant', withinHours(store, event.at, FIRST_CONTACT_WITHIN_HOURS)),
        );
      }
      break;
    case 'delivery_date_confirmed': {
      const deliveryDate = localDate(event.deliveryAt, store);
      for (const stage of ['T-3', 'T-1'] as const) {
        if (event.confirmedStages.includes(stage)) continue;
        const timing = confirmationTiming(store, deliveryDate, stage);
        // A window already over when the date is confirmed (a short-notice delivery) has no call.
        if (timing && timing.dueAt > event.at)
          tasks.push(task(CONFIRMATION_KIND[stage], 'consultant', timing));
      }
      break;
    }
    case 'order_delivered':
      tasks.push(task('delivery_thank_you', 'consultant', withinDays(store, today, DELIVERY_THANK_YOU_DAYS)));
      tasks.push(
        task('service_advisor_call', 'service_advisor', withinDays(store, today, SERVICE_ADVISOR_CALL_DAYS)),
      );
      tasks.push(
        task(
          'first_maintenance_reminder',
          'service_advisor',
          onOpenDay(store, addDays(today, FIRST_MAINTENANCE_DAYS - FIRST_MAINTENANCE_REMINDER_LEAD_DAYS)),
        ),
      );
      break;
    case 'survey_low_score':
      tasks.push(
        task('low_score_callback', 'manager', withinHours(store, event.at, LOW_SCORE_CALLBACK_WITHIN_HOURS)),
      );
      break;
    case 'prospect_intent_assessed':
      tasks.push(
        task(
          'prospect_follow_up',
          'consultant',
          onOpenDay(store, addDays(today, INTENT_FOLLOW_UP_DAYS[event.level])),
        ),
      );
      break;
    case 'prospect_lost':
      // A manager asks why the customer bought elsewhere: the consultant may be the reason.
      tasks.push(task('lost_customer_callback', 'manager', onOpenDay(store, addDays(today, 1))));
      break;
  }
  return tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
