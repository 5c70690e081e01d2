import { describe, expect, it } from '@jest/globals';
import { tasksForEvent } from './follow-up-rules.js';
import { sh, STORE } from './follow-up.fixtures.js';
import type { FollowUpEvent, FollowUpTask } from './follow-up.types.js';

const plan = (event: FollowUpEvent, store = STORE): FollowUpTask[] => tasksForEvent(event, { store });
const kinds = (tasks: FollowUpTask[]): string[] => tasks.map((t) => t.kind);
const byKind = (tasks: FollowUpTask[], kind: FollowUpTask['kind']): FollowUpTask => {
  const task = tasks.find((t) => t.kind === kind);
  if (!task) throw new Error(`no ${kind} in ${kinds(tasks).join(', ')}`);
  return task;
};

describe('tasksForEvent: test drive completed', () => {
  it('plans the next-day call on the next store-local day and the 72 h callback, for the consultant', () => {
    const tasks = plan({ type: 'test_drive_completed', sourceId: 7, at: sh('2026-11-24', '15:00') });
    expect(tasks).toEqual([
      {
        kind: 'test_drive_next_day_call',
        assignee: 'consultant',
        windowStart: sh('2026-11-25', '09:00'),
        dueAt: sh('2026-11-25', '18:00'),
        sourceType: 'test_drive',
        sourceId: 7,
      },
      {
        kind: 'test_drive_no_order_callback',
        assignee: 'consultant',
        dueAt: sh('2026-11-27', '15:00'),
        sourceType: 'test_drive',
        sourceId: 7,
      },
    ]);
  });

  it('at 23:30 on Saturday: next-day call on Sunday (short hours), callback moved from Tuesday night to Wednesday 09:00', () => {
    const tasks = plan({ type: 'test_drive_completed', sourceId: 7, at: sh('2026-11-21', '23:30') });
    const call = byKind(tasks, 'test_drive_next_day_call');
    expect([call.windowStart, call.dueAt]).toEqual([sh('2026-11-22', '09:00'), sh('2026-11-22', '17:30')]);
    expect(byKind(tasks, 'test_drive_no_order_callback').dueAt).toEqual(sh('2026-11-25', '09:00'));
  });

  it('skips the closed Monday: a Sunday drive is called back on Tuesday', () => {
    const call = byKind(
      plan({ type: 'test_drive_completed', sourceId: 7, at: sh('2026-11-22', '15:00') }),
      'test_drive_next_day_call',
    );
    expect([call.windowStart, call.dueAt]).toEqual([sh('2026-11-24', '09:00'), sh('2026-11-24', '18:00')]);
  });

  it('counts the next day in the store zone: 00:30 Tuesday in Shanghai is still Monday in UTC', () => {
    const at = sh('2026-11-24', '00:30');
    expect(at.toISOString()).toBe('2026-11-23T16:30:00.000Z');
    const call = byKind(plan({ type: 'test_drive_completed', sourceId: 7, at }), 'test_drive_next_day_call');
    expect(call.dueAt).toEqual(sh('2026-11-25', '18:00'));
  });
});

describe('tasksForEvent: first contact', () => {
  it('gives a new customer’s enquiry a first contact within 24 h', () => {
    const tasks = plan({
      type: 'enquiry_received',
      sourceId: 3,
      at: sh('2026-11-20', '10:00'),
      newCustomer: true,
    });
    expect(tasks).toEqual([
      {
        kind: 'first_contact',
        assignee: 'consultant',
        windowStart: sh('2026-11-20', '10:00'),
        dueAt: sh('2026-11-21', '10:00'),
        sourceType: 'enquiry',
        sourceId: 3,
      },
    ]);
  });

  it('moves a deadline in the lunch break to the afternoon opening', () => {
    const task = plan({
      type: 'test_drive_booked',
      sourceId: 4,
      at: sh('2026-11-21', '12:30'),
      newCustomer: true,
    })[0];
    expect(task?.dueAt).toEqual(sh('2026-11-22', '13:30'));
    expect(task?.windowStart).toEqual(sh('2026-11-21', '13:30'));
    expect(task?.sourceType).toBe('test_drive');
  });

  it('at 23:30 Saturday: due Sunday 23:30 falls after closing and Monday is closed, so Tuesday 09:00', () => {
    const task = plan({
      type: 'enquiry_received',
      sourceId: 3,
      at: sh('2026-11-21', '23:30'),
      newCustomer: true,
    })[0];
    expect(task?.windowStart).toEqual(sh('2026-11-22', '09:00'));
    expect(task?.dueAt).toEqual(sh('2026-11-24', '09:00'));
  });

  it('plans nothing for a known customer', () => {
    expect(
      plan({ type: 'enquiry_received', sourceId: 3, at: sh('2026-11-20', '10:00'), newCustomer: false }),
    ).toEqual([]);
    expect(
      plan({ type: 'test_drive_booked', sourceId: 3, at: sh('2026-11-20', '10:00'), newCustomer: false }),
    ).toEqual([]);
  });
});

describe('tasksForEvent: delivery date confirmed', () => {
  const confirmed = (
    deliveryAt: Date,
    at = sh('2026-11-17', '10:00'),
    confirmedStages: ('T-3' | 'T-1')[] = [],
  ) => plan({ type: 'delivery_date_confirmed', sourceId: 9, at, deliveryAt, confirmedStages });

  it('plans the T-3 call over days 3–2 before and the T-1 call the day before', () => {
    const tasks = confirmed(sh('2026-11-27', '10:00'));
    expect(tasks).toEqual([
      {
        kind: 'delivery_t3_call',
        assignee: 'consultant',
        windowStart: sh('2026-11-24', '09:00'),
        dueAt: sh('2026-11-25', '18:00'),
        sourceType: 'delivery',
        sourceId: 9,
      },
      {
        kind: 'delivery_t1_call',
        assignee: 'consultant',
        windowStart: sh('2026-11-26', '09:00'),
        dueAt: sh('2026-11-26', '18:00'),
        sourceType: 'delivery',
        sourceId: 9,
      },
    ]);
  });

  it('skips the calls the customer already confirmed in the mini-program', () => {
    expect(kinds(confirmed(sh('2026-11-27', '10:00'), undefined, ['T-3']))).toEqual(['delivery_t1_call']);
    expect(confirmed(sh('2026-11-27', '10:00'), undefined, ['T-3', 'T-1'])).toEqual([]);
  });

  it('moves a T-1 on the closed Monday back to Sunday: a call after the delivery is useless', () => {
    const tasks = confirmed(sh('2026-11-24', '10:00'));
    const t1 = byKind(tasks, 'delivery_t1_call');
    expect([t1.windowStart, t1.dueAt]).toEqual([sh('2026-11-22', '09:00'), sh('2026-11-22', '17:30')]);
    const t3 = byKind(tasks, 'delivery_t3_call');
    expect([t3.windowStart, t3.dueAt]).toEqual([sh('2026-11-21', '09:00'), sh('2026-11-22', '17:30')]);
  });

  it('keeps the open day of a T-3 window half on the closed Monday', () => {
    const t3 = byKind(confirmed(sh('2026-11-25', '10:00')), 'delivery_t3_call');
    expect([t3.windowStart, t3.dueAt]).toEqual([sh('2026-11-22', '09:00'), sh('2026-11-22', '17:30')]);
  });

  it('moves a wholly closed window back to the previous open day', () => {
    const holidays = { ...STORE, closedDates: ['2026-11-21', '2026-11-22'] };
    const tasks = plan(
      {
        type: 'delivery_date_confirmed',
        sourceId: 9,
        at: sh('2026-11-17', '10:00'),
        deliveryAt: sh('2026-11-24', '10:00'),
        confirmedStages: [],
      },
      holidays,
    );
    for (const task of tasks)
      expect([task.windowStart, task.dueAt]).toEqual([sh('2026-11-20', '09:00'), sh('2026-11-20', '18:00')]);
    expect(tasks).toHaveLength(2);
  });

  it('drops a call whose window is over when the date is confirmed at short notice', () => {
    const friday = sh('2026-11-27', '10:00');
    expect(kinds(confirmed(friday, sh('2026-11-25', '10:00')))).toEqual([
      'delivery_t3_call',
      'delivery_t1_call',
    ]);
    expect(kinds(confirmed(friday, sh('2026-11-25', '19:00')))).toEqual(['delivery_t1_call']);
    expect(confirmed(friday, sh('2026-11-26', '19:00'))).toEqual([]);
  });

  it('reads the delivery date in the store zone', () => {
    // 01:00 on Friday in Shanghai is Thursday 17:00 UTC: T-1 must still be Thursday, not Wednesday.
    const t1 = byKind(confirmed(sh('2026-11-27', '01:00')), 'delivery_t1_call');
    expect(t1.dueAt).toEqual(sh('2026-11-26', '18:00'));
  });
});

describe('tasksForEvent: delivered', () => {
  it('plans the T+5 thank-you, the T+7 service-advisor call and the first-maintenance reminder', () => {
    const tasks = plan({ type: 'order_delivered', sourceId: 9, at: sh('2026-11-21', '16:00') });
    expect(tasks).toEqual([
      {
        kind: 'delivery_thank_you',
        assignee: 'consultant',
        windowStart: sh('2026-11-22', '09:00'),
        dueAt: sh('2026-11-26', '18:00'),
        sourceType: 'delivery',
        sourceId: 9,
      },
      {
        kind: 'service_advisor_call',
        assignee: 'service_advisor',
        windowStart: sh('2026-11-22', '09:00'),
        dueAt: sh('2026-11-28', '17:30'),
        sourceType: 'delivery',
        sourceId: 9,
      },
      {
        // 90 days (3 months / 5,000 km, by date) minus a week to book: day 83, a Friday.
        kind: 'first_maintenance_reminder',
        assignee: 'service_advisor',
        windowStart: sh('2027-02-12', '09:00'),
        dueAt: sh('2027-02-12', '18:00'),
        sourceType: 'delivery',
        sourceId: 9,
      },
    ]);
  });

  it('moves a T+5 on the closed Monday forward to Tuesday, and the window opens after the closed day', () => {
    const thanks = byKind(
      plan({ type: 'order_delivered', sourceId: 9, at: sh('2026-11-18', '16:00') }),
      'delivery_thank_you',
    );
    expect(thanks.dueAt).toEqual(sh('2026-11-24', '18:00'));
    const sunday = byKind(
      plan({ type: 'order_delivered', sourceId: 9, at: sh('2026-11-22', '23:30') }),
      'delivery_thank_you',
    );
    expect(sunday.windowStart).toEqual(sh('2026-11-24', '09:00'));
    expect(sunday.dueAt).toEqual(sh('2026-11-27', '18:00'));
  });
});

describe('tasksForEvent: low score, prospects, lost customers', () => {
  it('has a manager call back a low score within 24 h of working time', () => {
    const tasks = plan({ type: 'survey_low_score', sourceId: 11, at: sh('2026-11-21', '23:30') });
    expect(tasks).toEqual([
      {
        kind: 'low_score_callback',
        assignee: 'manager',
        windowStart: sh('2026-11-22', '09:00'),
        dueAt: sh('2026-11-24', '09:00'),
        sourceType: 'survey_response',
        sourceId: 11,
      },
    ]);
  });

  it.each([
    ['H', '2026-11-22', '17:30'],
    ['A', '2026-11-24', '18:00'], // day 3 is the closed Monday
    ['B', '2026-11-27', '18:00'],
    ['C', '2026-12-05', '17:30'],
  ] as const)('follows up a %s prospect on %s', (level, date, closes) => {
    const tasks = plan({
      type: 'prospect_intent_assessed',
      sourceId: 5,
      at: sh('2026-11-20', '10:00'),
      level,
    });
    expect(tasks).toEqual([
      {
        kind: 'prospect_follow_up',
        assignee: 'consultant',
        windowStart: sh(date, '09:00'),
        dueAt: sh(date, closes),
        sourceType: 'prospect',
        sourceId: 5,
      },
    ]);
  });

  it('has a manager call a lost customer on the next open day', () => {
    const task = plan({ type: 'prospect_lost', sourceId: 5, at: sh('2026-11-22', '11:00') })[0];
    expect(task).toMatchObject({
      kind: 'lost_customer_callback',
      assignee: 'manager',
      sourceType: 'prospect',
    });
    expect(task?.dueAt).toEqual(sh('2026-11-24', '18:00'));
  });

  it('still plans calendar-day tasks for a store without opening hours', () => {
    const never = { ...STORE, openingHours: [] };
    const task = plan(
      { type: 'prospect_intent_assessed', sourceId: 5, at: sh('2026-11-20', '10:00'), level: 'H' },
      never,
    )[0];
    expect([task?.windowStart, task?.dueAt]).toEqual([sh('2026-11-22', '00:00'), sh('2026-11-23', '00:00')]);
    expect(
      tasksForEvent(
        { type: 'survey_low_score', sourceId: 1, at: sh('2026-11-20', '10:00') },
        { store: never },
      )[0]?.dueAt,
    ).toEqual(sh('2026-11-21', '10:00'));
  });
});
