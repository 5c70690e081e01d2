import { describe, expect, it } from 'vitest';
import { option, order } from './fixtures';
import {
  checklistProgress,
  daysToPromisedEnd,
  groupOrders,
  schedulingState,
  weekFromParam,
  weekRangeLabel,
  weekStartOf,
} from './week';

describe('weeks', () => {
  it('start on Monday', () => {
    expect(weekStartOf('2026-11-25')).toBe('2026-11-23'); // Wednesday
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28'); // across the year
  });

  it('come from the ?week= parameter, else the week of today', () => {
    expect(weekFromParam('2026-12-02', '2026-11-25')).toBe('2026-11-30');
    expect(weekFromParam(null, '2026-11-25')).toBe('2026-11-23');
    expect(weekFromParam('2026-02-30', '2026-11-25')).toBe('2026-11-23');
    expect(weekFromParam('soon', '2026-11-25')).toBe('2026-11-23');
  });

  it('are labelled by their first and last day', () => {
    expect(weekRangeLabel('2026-11-30')).toBe('11月30日 – 12月6日');
  });
});

describe('schedulingState', () => {
  const offered = {
    at: '2026-11-21T02:00:00.000Z',
    actor: 'staff' as const,
    actorName: '陈晓明',
    action: 'offer_dates' as const,
    fromStatus: 'scheduling' as const,
    toStatus: 'scheduling' as const,
    note: null,
  };
  const requested = {
    at: '2026-11-22T02:00:00.000Z',
    actor: 'customer' as const,
    actorName: null,
    action: 'request_other_dates' as const,
    fromStatus: 'scheduling' as const,
    toStatus: 'scheduling' as const,
    note: '周末都可以',
  };

  it('owes dates when none were offered', () => {
    expect(schedulingState(order())).toEqual({ kind: 'needs_offer' });
  });

  it('waits for the customer while dates are offered, earliest first', () => {
    const state = schedulingState(
      order({ dateOptions: [option('2026-11-27', '14:00'), option('2026-11-26', '10:00')] }),
    );
    expect(state.kind).toBe('awaiting_customer');
    expect(state.kind === 'awaiting_customer' && state.options.map((o) => o.localDate)).toEqual([
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('shows the customer’s request for other dates with their note', () => {
    const base = order();
    expect(schedulingState(order({ timeline: [...base.timeline, offered, requested] }))).toEqual({
      kind: 'customer_requested',
      note: '周末都可以',
      at: requested.at,
    });
    // The note on the order stands in when the entry has none.
    expect(
      schedulingState(
        order({ timeline: [...base.timeline, offered, { ...requested, note: null }], customerNote: '下午' }),
      ),
    ).toMatchObject({ kind: 'customer_requested', note: '下午' });
  });

  it('forgets the request once new dates are offered', () => {
    const base = order();
    const later = { ...offered, at: '2026-11-23T02:00:00.000Z' };
    expect(
      schedulingState(
        order({
          timeline: [...base.timeline, offered, requested, later],
          dateOptions: [option('2026-11-28', '10:00')],
        }),
      ).kind,
    ).toBe('awaiting_customer');
    // Unsorted timelines are read by time.
    expect(schedulingState(order({ timeline: [later, requested, ...base.timeline] })).kind).toBe(
      'needs_offer',
    );
  });
});

describe('groupOrders', () => {
  const monday = '2026-11-23';
  const scheduled = (
    id: number,
    date: string,
    time: string,
    status: 'date_confirmed' | 'ready' | 'delivered' | 'cancelled' = 'date_confirmed',
  ) => order({ id, status, scheduled: option(date, time), allowedActions: [] });

  it('puts orders waiting for a date first, the customer’s requests before those owed dates', () => {
    const request = order({
      id: 2,
      promisedTo: '2026-12-30',
      timeline: [
        {
          at: '2026-11-22T02:00:00.000Z',
          actor: 'customer',
          actorName: null,
          action: 'request_other_dates',
          fromStatus: 'date_confirmed',
          toStatus: 'scheduling',
          note: null,
        },
      ],
    });
    const owed = order({ id: 3, promisedTo: '2026-12-01' });
    const owedLater = order({ id: 4, promisedTo: '2026-12-10' });
    const waiting = order({ id: 5, promisedTo: '2026-11-30', dateOptions: [option('2026-11-26', '10:00')] });
    const groups = groupOrders([waiting, owedLater, owed, request], monday);
    expect(groups.scheduling.map((o) => o.id)).toEqual([2, 3, 4, 5]);
  });

  it('lists every day of the week with its deliveries by time', () => {
    const groups = groupOrders(
      [
        scheduled(10, '2026-11-25', '14:00'),
        scheduled(11, '2026-11-25', '10:00', 'ready'),
        scheduled(12, '2026-11-29', '09:30', 'delivered'),
        scheduled(13, '2026-12-01', '10:00'), // next week: not shown
      ],
      monday,
    );
    expect(groups.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(groups.days.map((d) => d.orders.map((o) => o.id))).toEqual([[], [], [11, 10], [], [], [], [12]]);
    expect(groups.scheduling).toEqual([]);
  });

  it('keeps an open delivery before a cancelled one at the same time', () => {
    const groups = groupOrders(
      [scheduled(20, '2026-11-24', '10:00', 'cancelled'), scheduled(21, '2026-11-24', '10:00')],
      monday,
    );
    expect(groups.days[1]?.orders.map((o) => o.id)).toEqual([21, 20]);
  });

  it('shows an order once even when listed twice', () => {
    const groups = groupOrders([order({ id: 1 }), order({ id: 1 })], monday);
    expect(groups.scheduling).toHaveLength(1);
  });
});

describe('checklistProgress', () => {
  it('counts done items', () => {
    expect(checklistProgress([{ done: true }, { done: false }, { done: true }])).toEqual({
      done: 2,
      total: 3,
      complete: false,
    });
    expect(checklistProgress([{ done: true }])).toMatchObject({ complete: true });
  });
});

describe('daysToPromisedEnd', () => {
  it('is negative once the promised window is over', () => {
    expect(daysToPromisedEnd({ promisedTo: '2026-11-25' }, '2026-11-25')).toBe(0);
    expect(daysToPromisedEnd({ promisedTo: '2026-11-25' }, '2026-11-27')).toBe(-2);
  });
});
