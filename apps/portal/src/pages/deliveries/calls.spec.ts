import type { DeliveryConfirmation } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  callsDue,
  confirmationHow,
  confirmationLine,
  confirmedToday,
  currentConfirmations,
  customerConfirmedSelf,
} from './calls';
import { option, order } from './fixtures';

const appointment = option('2026-11-26', '10:00');
const earlier = option('2026-11-24', '10:00');

function confirmation(overrides: Partial<DeliveryConfirmation> = {}): DeliveryConfirmation {
  return {
    stage: 'T-1',
    scheduledAt: appointment.startsAt,
    by: 'staff',
    outcome: 'confirmed',
    note: null,
    staffName: '陈晓明',
    at: '2026-11-25T01:00:00.000Z',
    ...overrides,
  };
}

const confirmed = (overrides = {}) =>
  order({ status: 'date_confirmed', scheduled: appointment, allowedActions: ['record_call'], ...overrides });

describe('callsDue', () => {
  it('lists today’s confirmations not yet done, earliest delivery first', () => {
    const due = callsDue([
      confirmed({
        id: 1,
        scheduled: option('2026-11-27', '15:00'),
        confirmationDue: { stage: 'T-3', done: false, lastCallNotReached: false },
      }),
      confirmed({ id: 2, confirmationDue: { stage: 'T-1', done: false, lastCallNotReached: true } }),
      confirmed({ id: 3, confirmationDue: { stage: 'T-1', done: true, lastCallNotReached: false } }),
      confirmed({ id: 4, confirmationDue: null }),
      order({
        id: 5,
        status: 'cancelled',
        confirmationDue: { stage: 'T-1', done: false, lastCallNotReached: false },
      }),
    ]);
    expect(due.map((d) => [d.order.id, d.stage, d.stageLabel, d.lastCallNotReached])).toEqual([
      [2, 'T-1', '交车前1天确认', true],
      [1, 'T-3', '交车前3天确认', false],
    ]);
  });

  it('lists an order once though two queries returned it', () => {
    const o = confirmed({ confirmationDue: { stage: 'T-1', done: false, lastCallNotReached: false } });
    expect(callsDue([o, o])).toHaveLength(1);
  });
});

describe('confirmations', () => {
  it('keep only those of the current appointment', () => {
    const o = confirmed({
      confirmations: [
        confirmation({ stage: 'T-3', scheduledAt: earlier.startsAt }),
        confirmation({ at: '2026-11-25T03:00:00.000Z' }),
        confirmation({ outcome: 'not_reached', at: '2026-11-25T01:00:00.000Z' }),
      ],
    });
    expect(currentConfirmations(o).map((c) => c.outcome)).toEqual(['not_reached', 'confirmed']);
    expect(currentConfirmations(order({ confirmations: o.confirmations }))).toEqual([]);
  });

  it('say when the customer confirmed in the mini-program', () => {
    const self = confirmed({
      confirmations: [confirmation({ by: 'customer', staffName: null })],
      confirmationDue: { stage: 'T-1', done: true, lastCallNotReached: false },
    });
    expect(customerConfirmedSelf(self)).toBe(true);
    expect(customerConfirmedSelf(confirmed({ confirmations: [confirmation()] }))).toBe(false);
    expect(confirmedToday([self])).toEqual([
      { order: self, stageLabel: '交车前1天确认', how: '客户已在小程序确认' },
    ]);
  });

  it('say who confirmed by phone', () => {
    const called = confirmed({
      confirmations: [
        confirmation({ outcome: 'not_reached' }),
        confirmation({ at: '2026-11-25T02:00:00.000Z' }),
      ],
      confirmationDue: { stage: 'T-1', done: true, lastCallNotReached: false },
    });
    expect(confirmedToday([called])[0]?.how).toBe('已电话确认（陈晓明）');
    expect(confirmationHow(confirmation({ outcome: 'not_reached', staffName: null }))).toBe('电话未接通');
  });

  it('read as one line each', () => {
    expect(confirmationLine(confirmation({ stage: 'T-3' }))).toBe('交车前3天确认 · 已接通，客户确认按时到店');
    expect(confirmationLine(confirmation({ outcome: 'not_reached' }))).toBe('交车前1天确认 · 未接通');
    expect(confirmationLine(confirmation({ by: 'customer' }))).toBe('交车前1天确认 · 客户已在小程序确认');
  });
});
