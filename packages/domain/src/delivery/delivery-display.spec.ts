import { describe, expect, it } from '@jest/globals';
import {
  carLine,
  confirmationRows,
  dateOptionLabel,
  dateOptionParts,
  dayLabel,
  localDateLabel,
  pendingRequestNote,
  promisedWindowLabel,
  relativeDayLabel,
  vinTail,
  waitingForDatesText,
} from './delivery-display.js';
import type {
  ConfirmationDue,
  DeliveryConfirmation,
  DeliveryDateOption,
  DeliveryTimelineEntry,
  SalesOrder,
} from './delivery.types.js';

// Calendar used below (checked by hand): 2026-11-23 is a Monday, so 2026-11-28 is a Saturday and
// 2026-11-29 a Sunday; 2026-12-31 is a Thursday, 2027-01-01 a Friday and 2027-01-03 a Sunday.

describe('dayLabel', () => {
  it('reads a date without leading zeros', () => {
    expect(dayLabel('2026-11-28')).toBe('11月28日');
    expect(dayLabel('2026-01-05')).toBe('1月5日');
  });

  it('adds the year only when it is not the year of today', () => {
    expect(dayLabel('2026-11-28', '2026-11-23')).toBe('11月28日');
    expect(dayLabel('2027-01-03', '2026-12-30')).toBe('2027年1月3日');
    expect(dayLabel('2026-12-30', '2027-01-03')).toBe('2026年12月30日');
  });
});

describe('relativeDayLabel', () => {
  it('names today, tomorrow and the day after, nothing else', () => {
    expect(relativeDayLabel('2026-11-23', '2026-11-23')).toBe('今天');
    expect(relativeDayLabel('2026-11-24', '2026-11-23')).toBe('明天');
    expect(relativeDayLabel('2026-11-25', '2026-11-23')).toBe('后天');
    expect(relativeDayLabel('2026-11-26', '2026-11-23')).toBeNull();
    expect(relativeDayLabel('2026-11-22', '2026-11-23')).toBeNull();
  });

  it('counts across months, years and leap days', () => {
    expect(relativeDayLabel('2026-12-01', '2026-11-30')).toBe('明天');
    expect(relativeDayLabel('2027-01-01', '2026-12-31')).toBe('明天');
    expect(relativeDayLabel('2027-01-02', '2026-12-31')).toBe('后天');
    expect(relativeDayLabel('2027-03-01', '2027-02-28')).toBe('明天');
    expect(relativeDayLabel('2028-03-01', '2028-02-28')).toBe('后天');
  });

  it('names nothing for a date not written YYYY-MM-DD', () => {
    expect(relativeDayLabel('2026-11-24', '')).toBeNull();
    expect(relativeDayLabel('2026-02-30', '2026-02-28')).toBeNull();
  });
});

describe('dateOptionParts and dateOptionLabel', () => {
  const saturday: Pick<DeliveryDateOption, 'localDate' | 'localTime'> = {
    localDate: '2026-11-28',
    localTime: '10:00',
  };

  it('splits a date card into day, weekday, time and how near it is', () => {
    expect(dateOptionParts(saturday, '2026-11-27')).toEqual({
      day: '11月28日',
      weekday: '周六',
      time: '10:00',
      relative: '明天',
    });
    expect(dateOptionParts(saturday, '2026-11-23')).toEqual({
      day: '11月28日',
      weekday: '周六',
      time: '10:00',
      relative: null,
    });
    expect(dateOptionParts(saturday)).toEqual({
      day: '11月28日',
      weekday: '周六',
      time: '10:00',
      relative: null,
    });
  });

  it('reads "11月28日 周六 10:00", with the year across a new year', () => {
    expect(dateOptionLabel(saturday)).toBe('11月28日 周六 10:00');
    expect(dateOptionLabel(saturday, '2026-11-28')).toBe('11月28日 周六 10:00');
    expect(dateOptionLabel({ localDate: '2027-01-03', localTime: '14:30' }, '2026-12-30')).toBe(
      '2027年1月3日 周日 14:30',
    );
  });

  it('refuses a date that does not exist rather than inventing a weekday', () => {
    expect(() => dateOptionLabel({ localDate: '2026-02-30', localTime: '10:00' })).toThrow(RangeError);
  });
});

describe('localDateLabel', () => {
  it('reads "11月28日 周六", with the year when it is not this year', () => {
    expect(localDateLabel('2026-11-28')).toBe('11月28日 周六');
    expect(localDateLabel('2026-11-29', '2026-11-23')).toBe('11月29日 周日');
    expect(localDateLabel('2026-12-31', '2026-12-31')).toBe('12月31日 周四');
    expect(localDateLabel('2027-01-01', '2026-12-31')).toBe('2027年1月1日 周五');
  });
});

describe('promisedWindowLabel', () => {
  it('reads the promised window as "from–to", or one day when both ends agree', () => {
    expect(promisedWindowLabel({ promisedFrom: '2026-11-20', promisedTo: '2026-11-30' })).toBe(
      '11月20日–11月30日',
    );
    expect(promisedWindowLabel({ promisedFrom: '2026-11-20', promisedTo: '2026-11-20' })).toBe('11月20日');
  });

  it('shows the year of each end that is not this year', () => {
    expect(promisedWindowLabel({ promisedFrom: '2026-12-20', promisedTo: '2027-01-10' }, '2026-11-23')).toBe(
      '12月20日–2027年1月10日',
    );
    expect(promisedWindowLabel({ promisedFrom: '2027-01-05', promisedTo: '2027-01-05' }, '2026-11-23')).toBe(
      '2027年1月5日',
    );
  });
});

describe('vinTail', () => {
  it('keeps the last six characters, trimmed and upper-cased', () => {
    expect(vinTail('LSVAU2180N2123456')).toBe('123456');
    expect(vinTail(' lsvau2180n21a2b3c ')).toBe('1A2B3C');
    expect(vinTail('ab12')).toBe('AB12');
  });

  it('is null without a VIN', () => {
    expect(vinTail(null)).toBeNull();
    expect(vinTail('')).toBeNull();
    expect(vinTail('   ')).toBeNull();
  });
});

describe('carLine', () => {
  const car = { model: { id: 1, name: '星辰 S5' }, trim: '豪华版', colour: '珍珠白' };

  it('joins model, trim and colour, leaving out blank parts', () => {
    expect(carLine(car)).toBe('星辰 S5 · 豪华版 · 珍珠白');
    expect(carLine({ ...car, trim: '  ' })).toBe('星辰 S5 · 珍珠白');
    expect(carLine({ ...car, trim: '', colour: '' })).toBe('星辰 S5');
  });
});

describe('confirmationRows', () => {
  // Saturday 2026-11-28 10:00 in Guangzhou: T-3 may be confirmed on the 25th and 26th, T-1 on the 27th.
  const scheduled: DeliveryDateOption = {
    startsAt: '2026-11-28T02:00:00.000Z',
    localDate: '2026-11-28',
    localTime: '10:00',
  };

  function confirmation(
    stage: DeliveryConfirmation['stage'],
    outcome: DeliveryConfirmation['outcome'],
    scheduledAt = scheduled.startsAt,
  ): DeliveryConfirmation {
    // A missed call is the consultant's; a confirmation is the customer's own 按时到店.
    const byStaff = outcome === 'not_reached';
    return {
      stage,
      scheduledAt,
      by: byStaff ? 'staff' : 'customer',
      outcome,
      note: null,
      staffName: byStaff ? '陈晓明' : null,
      at: '2026-11-25T03:00:00.000Z',
    };
  }

  function order(
    confirmations: DeliveryConfirmation[] = [],
    confirmationDue: ConfirmationDue | null = null,
  ): Pick<SalesOrder, 'scheduled' | 'confirmations' | 'confirmationDue'> {
    return { scheduled, confirmations, confirmationDue };
  }

  const states = (rows: ReturnType<typeof confirmationRows>) => rows.map((row) => [row.stage, row.state]);

  it('is empty before a date is agreed', () => {
    expect(
      confirmationRows({ scheduled: null, confirmations: [], confirmationDue: null }, '2026-11-23'),
    ).toEqual([]);
  });

  it('shows both stages upcoming, with the day each opens, before the T-3 window', () => {
    expect(confirmationRows(order(), '2026-11-24')).toEqual([
      {
        stage: 'T-3',
        state: 'upcoming',
        confirmation: null,
        lastCallNotReached: false,
        opensOn: '2026-11-25',
      },
      {
        stage: 'T-1',
        state: 'upcoming',
        confirmation: null,
        lastCallNotReached: false,
        opensOn: '2026-11-27',
      },
    ]);
  });

  it('follows each window: due while open, missed once it closed unconfirmed', () => {
    expect(states(confirmationRows(order(), '2026-11-25'))).toEqual([
      ['T-3', 'due'],
      ['T-1', 'upcoming'],
    ]);
    expect(states(confirmationRows(order(), '2026-11-26'))).toEqual([
      ['T-3', 'due'],
      ['T-1', 'upcoming'],
    ]);
    expect(states(confirmationRows(order(), '2026-11-27'))).toEqual([
      ['T-3', 'missed'],
      ['T-1', 'due'],
    ]);
    expect(states(confirmationRows(order(), '2026-11-28'))).toEqual([
      ['T-3', 'missed'],
      ['T-1', 'missed'],
    ]);
  });

  it('shows a confirmation of the current appointment as confirmed, whenever it is read', () => {
    const t3 = confirmation('T-3', 'confirmed');
    const t1 = confirmation('T-1', 'confirmed');
    const rows = confirmationRows(order([t3, t1]), '2026-11-28');
    expect(states(rows)).toEqual([
      ['T-3', 'confirmed'],
      ['T-1', 'confirmed'],
    ]);
    expect(rows[0]!.confirmation).toBe(t3);
    expect(rows[1]!.confirmation).toBe(t1);
  });

  it('compares appointments as instants, not as strings', () => {
    const t3 = confirmation('T-3', 'confirmed', '2026-11-28T10:00:00+08:00');
    expect(confirmationRows(order([t3]), '2026-11-27')[0]).toMatchObject({
      state: 'confirmed',
      confirmation: t3,
    });
  });

  it('does not count confirmations of an earlier appointment', () => {
    // Confirmed for the 27th, then the store declared a delay and the date moved to the 28th.
    const earlier = '2026-11-27T02:00:00.000Z';
    const rows = confirmationRows(
      order([confirmation('T-3', 'confirmed', earlier), confirmation('T-1', 'not_reached', earlier)]),
      '2026-11-27',
    );
    expect(rows).toEqual([
      { stage: 'T-3', state: 'missed', confirmation: null, lastCallNotReached: false, opensOn: '2026-11-25' },
      { stage: 'T-1', state: 'due', confirmation: null, lastCallNotReached: false, opensOn: '2026-11-27' },
    ]);
  });

  it('flags a last call that did not reach the customer, until one does', () => {
    const missedCall = confirmation('T-3', 'not_reached');
    expect(confirmationRows(order([missedCall]), '2026-11-25')[0]).toMatchObject({
      state: 'due',
      lastCallNotReached: true,
    });
    const reached = confirmation('T-3', 'confirmed');
    expect(confirmationRows(order([missedCall, reached]), '2026-11-25')[0]).toMatchObject({
      state: 'confirmed',
      confirmation: reached,
      lastCallNotReached: false,
    });
  });

  it('trusts the server’s confirmation due over the device’s today', () => {
    const due: ConfirmationDue = { stage: 'T-1', done: false, lastCallNotReached: false };
    expect(states(confirmationRows(order([], due), '2026-11-28'))).toEqual([
      ['T-3', 'missed'],
      ['T-1', 'due'],
    ]);
  });

  it('opens the windows across a month end', () => {
    const december = { ...scheduled, startsAt: '2026-12-01T02:00:00.000Z', localDate: '2026-12-01' };
    const rows = confirmationRows(
      { scheduled: december, confirmations: [], confirmationDue: null },
      '2026-11-28',
    );
    expect(rows.map((row) => [row.stage, row.state, row.opensOn])).toEqual([
      ['T-3', 'due', '2026-11-28'],
      ['T-1', 'upcoming', '2026-11-30'],
    ]);
  });
});

describe('pendingRequestNote and waitingForDatesText', () => {
  function entry(
    at: string,
    actor: DeliveryTimelineEntry['actor'],
    action: DeliveryTimelineEntry['action'],
    note: string | null = null,
  ): DeliveryTimelineEntry {
    return {
      at,
      actor,
      actorName: actor === 'staff' ? '陈晓明' : '王先生',
      action,
      fromStatus: action === 'create' ? null : 'scheduling',
      toStatus: 'scheduling',
      note,
    };
  }

  const created = entry('2026-11-20T02:00:00.000Z', 'staff', 'create');
  const offered = entry('2026-11-21T02:00:00.000Z', 'staff', 'offer_dates');
  const requested = entry('2026-11-22T02:00:00.000Z', 'customer', 'request_other_dates', '周末才有空');
  const delayed = entry('2026-11-23T02:00:00.000Z', 'staff', 'declare_delay', '车辆运输延误');
  const DELAY = { reason: '车辆运输延误', at: delayed.at };

  function order(
    timeline: DeliveryTimelineEntry[],
    overrides: Partial<Pick<SalesOrder, 'status' | 'dateOptions' | 'delay'>> = {},
  ): Pick<SalesOrder, 'status' | 'dateOptions' | 'delay' | 'timeline'> {
    return { status: 'scheduling', dateOptions: [], delay: null, timeline, ...overrides };
  }

  const OPTION: DeliveryDateOption = {
    startsAt: '2026-11-28T02:00:00.000Z',
    localDate: '2026-11-28',
    localTime: '10:00',
  };

  it('says nothing once there are dates to choose, or outside 待定交车时间', () => {
    expect(waitingForDatesText(order([created, offered], { dateOptions: [OPTION] }))).toBeNull();
    expect(waitingForDatesText(order([created, offered, requested], { dateOptions: [OPTION] }))).toBeNull();
    expect(waitingForDatesText(order([created], { status: 'date_confirmed' }))).toBeNull();
    expect(waitingForDatesText(order([created], { status: 'cancelled' }))).toBeNull();
  });

  it('waits for a first offer on a new order', () => {
    expect(waitingForDatesText(order([created]))).toBe('门店正在为您安排交车时间，可选时间提供后会通知您');
  });

  it('waits for the store to answer the customer’s request for other dates', () => {
    expect(waitingForDatesText(order([created, offered, requested]))).toBe(
      '您已申请其他时间，门店会尽快与您联系并提供新的可选时间',
    );
    expect(pendingRequestNote(order([created, offered, requested]))).toBe('周末才有空');
  });

  it('waits for new dates after a delay', () => {
    expect(waitingForDatesText(order([created, offered, delayed], { delay: DELAY }))).toBe(
      '门店正在重新安排交车时间，新的可选时间提供后会通知您',
    );
  });

  it('lets the last word on the order decide, whatever order the timeline comes in', () => {
    // The customer asked for other dates after the delay: the store now owes an answer to the request.
    const askedAfterDelay = { ...requested, at: '2026-11-24T02:00:00.000Z' };
    expect(waitingForDatesText(order([askedAfterDelay, created, delayed], { delay: DELAY }))).toBe(
      '您已申请其他时间，门店会尽快与您联系并提供新的可选时间',
    );
    // The store declared a delay after the request: the request is no longer pending.
    expect(waitingForDatesText(order([delayed, requested, created], { delay: DELAY }))).toBe(
      '门店正在重新安排交车时间，新的可选时间提供后会通知您',
    );
    expect(pendingRequestNote(order([delayed, requested, created], { delay: DELAY }))).toBeNull();
  });

  it('has no pending note without a request, without its note, or outside 待定交车时间', () => {
    expect(pendingRequestNote(order([created, offered]))).toBeNull();
    expect(pendingRequestNote(order([created, { ...requested, note: null }]))).toBeNull();
    expect(pendingRequestNote(order([created, requested], { status: 'cancelled' }))).toBeNull();
    expect(pendingRequestNote(order([]))).toBeNull();
  });
});
