import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { zonedToUtc } from '../time/zoned-time.js';
import {
  allowedDeliveryActions,
  confirmationDue,
  confirmationStage,
  decideDeliveryAction,
  nextDeliveryStatus,
  type DeliverySnapshot,
} from './delivery-lifecycle.js';
import { DELIVERY_ACTIONS, DELIVERY_STATUSES, type DeliveryActor } from './delivery.types.js';

const TZ = 'Asia/Shanghai';
const at = (date: string, time: string) => zonedToUtc(date, time, TZ);
/** Monday 2026-11-23, 10:00 in Guangzhou. */
const NOW = at('2026-11-23', '10:00');

const customer: DeliveryActor = { kind: 'customer', customerId: 7 };
const otherCustomer: DeliveryActor = { kind: 'customer', customerId: 8 };
const consultant: DeliveryActor = { kind: 'staff', staffId: 3, role: 'consultant', storeId: 1 };
const otherStore: DeliveryActor = { kind: 'staff', staffId: 9, role: 'manager', storeId: 2 };
const admin: DeliveryActor = { kind: 'staff', staffId: 1, role: 'admin', storeId: null };

const done = (n: number) => Array.from({ length: n }, () => ({ done: true }));
const open = (n: number) => [...done(n - 1), { done: false }];

function order(overrides: Partial<DeliverySnapshot> = {}): DeliverySnapshot {
  return {
    status: 'scheduling',
    storeId: 1,
    storeTimeZone: TZ,
    customerId: 7,
    dateOptions: [at('2026-11-28', '10:00').toISOString(), at('2026-11-29', '14:00').toISOString()],
    scheduledAt: null,
    checklists: { pdi: open(6), handover: open(6) },
    confirmations: [],
    ...overrides,
  };
}

function confirmedFor(date: string, overrides: Partial<DeliverySnapshot> = {}): DeliverySnapshot {
  return order({
    status: 'date_confirmed',
    dateOptions: [],
    scheduledAt: at(date, '10:00').toISOString(),
    ...overrides,
  });
}

describe('confirmationStage', () => {
  it('asks for the T-3 call three and two days before, the T-1 call the day before, nothing otherwise', () => {
    expect(confirmationStage('2026-11-27', '2026-11-23')).toBeNull();
    expect(confirmationStage('2026-11-26', '2026-11-23')).toBe('T-3');
    expect(confirmationStage('2026-11-25', '2026-11-23')).toBe('T-3');
    expect(confirmationStage('2026-11-24', '2026-11-23')).toBe('T-1');
    expect(confirmationStage('2026-11-23', '2026-11-23')).toBeNull();
    expect(confirmationStage('2026-11-22', '2026-11-23')).toBeNull();
    expect(confirmationStage('2027-01-01', '2026-12-31')).toBe('T-1');
  });
});

describe('confirmationDue', () => {
  it('reads the stage in the store’s time zone, not the server’s', () => {
    // 17:00 UTC on the 23rd is already the 24th in Guangzhou: a delivery on the 25th is then T-1.
    const late = new Date('2026-11-23T17:00:00Z');
    expect(confirmationDue(confirmedFor('2026-11-25'), late)).toMatchObject({ stage: 'T-1', done: false });
    expect(confirmationDue(confirmedFor('2026-11-25'), NOW)).toMatchObject({ stage: 'T-3', done: false });
  });

  it('is done by a confirmation of this stage for the current appointment only', () => {
    const scheduledAt = at('2026-11-26', '10:00').toISOString();
    const earlier = at('2026-11-25', '10:00').toISOString();
    expect(
      confirmationDue(
        confirmedFor('2026-11-26', {
          confirmations: [{ stage: 'T-3', scheduledAt: earlier, outcome: 'confirmed' }],
        }),
        NOW,
      ),
    ).toEqual({ stage: 'T-3', done: false, lastCallNotReached: false });
    expect(
      confirmationDue(
        confirmedFor('2026-11-26', {
          confirmations: [{ stage: 'T-3', scheduledAt, outcome: 'not_reached' }],
        }),
        NOW,
      ),
    ).toEqual({ stage: 'T-3', done: false, lastCallNotReached: true });
    expect(
      confirmationDue(
        confirmedFor('2026-11-26', {
          confirmations: [
            { stage: 'T-3', scheduledAt, outcome: 'not_reached' },
            { stage: 'T-3', scheduledAt, outcome: 'confirmed' },
          ],
        }),
        NOW,
      ),
    ).toEqual({ stage: 'T-3', done: true, lastCallNotReached: false });
  });

  it('is null while scheduling and once delivered', () => {
    expect(confirmationDue(order(), NOW)).toBeNull();
    expect(confirmationDue(confirmedFor('2026-11-24', { status: 'delivered' }), NOW)).toBeNull();
  });
});

describe('decideDeliveryAction', () => {
  it('hides foreign orders behind the same answer as a missing one', () => {
    expect(decideDeliveryAction(order(), otherCustomer, 'choose_date', NOW)).toMatchObject({
      reason: 'not_owner',
    });
    expect(decideDeliveryAction(order({ customerId: null }), customer, 'choose_date', NOW)).toMatchObject({
      reason: 'not_owner',
    });
    expect(decideDeliveryAction(order(), otherStore, 'offer_dates', NOW)).toMatchObject({
      reason: 'out_of_store',
    });
    expect(decideDeliveryAction(order(), admin, 'offer_dates', NOW)).toEqual({ allowed: true });
  });

  it('keeps customers and staff to their own actions', () => {
    expect(decideDeliveryAction(order(), customer, 'offer_dates', NOW)).toMatchObject({
      reason: 'wrong_actor',
    });
    expect(decideDeliveryAction(order(), consultant, 'choose_date', NOW)).toMatchObject({
      reason: 'wrong_actor',
    });
  });

  it('lets the customer choose only among offered dates while scheduling', () => {
    expect(decideDeliveryAction(order(), customer, 'choose_date', NOW)).toEqual({ allowed: true });
    expect(decideDeliveryAction(order({ dateOptions: [] }), customer, 'choose_date', NOW)).toMatchObject({
      reason: 'no_options',
    });
    expect(decideDeliveryAction(confirmedFor('2026-11-28'), customer, 'choose_date', NOW)).toMatchObject({
      reason: 'wrong_state',
    });
  });

  it('lets the customer ask for other dates until the day before delivery', () => {
    expect(decideDeliveryAction(order(), customer, 'request_other_dates', NOW)).toEqual({ allowed: true });
    expect(decideDeliveryAction(confirmedFor('2026-11-24'), customer, 'request_other_dates', NOW)).toEqual({
      allowed: true,
    });
    expect(
      decideDeliveryAction(confirmedFor('2026-11-23'), customer, 'request_other_dates', NOW),
    ).toMatchObject({
      reason: 'too_late',
    });
    expect(
      decideDeliveryAction(order({ dateOptions: [] }), customer, 'request_other_dates', NOW),
    ).toMatchObject({ reason: 'no_options' });
  });

  it('takes the customer’s “按时到店” once per stage, only in the T-3 and T-1 windows', () => {
    expect(
      decideDeliveryAction(confirmedFor('2026-11-30'), customer, 'confirm_attendance', NOW),
    ).toMatchObject({
      reason: 'not_in_window',
    });
    const due = confirmedFor('2026-11-26');
    expect(decideDeliveryAction(due, customer, 'confirm_attendance', NOW)).toEqual({ allowed: true });
    const confirmed = {
      ...due,
      confirmations: [
        { stage: 'T-3' as const, scheduledAt: due.scheduledAt!, outcome: 'confirmed' as const },
      ],
    };
    expect(decideDeliveryAction(confirmed, customer, 'confirm_attendance', NOW)).toMatchObject({
      reason: 'already_confirmed',
    });
    expect(decideDeliveryAction(confirmed, consultant, 'record_call', NOW)).toMatchObject({
      reason: 'already_confirmed',
    });
    expect(decideDeliveryAction(due, consultant, 'record_call', NOW)).toEqual({ allowed: true });
  });

  it('offers dates only while scheduling; a confirmed date is moved by declaring a delay', () => {
    expect(decideDeliveryAction(order(), consultant, 'offer_dates', NOW)).toEqual({ allowed: true });
    expect(decideDeliveryAction(confirmedFor('2026-11-28'), consultant, 'offer_dates', NOW)).toMatchObject({
      reason: 'wrong_state',
    });
    expect(decideDeliveryAction(confirmedFor('2026-11-28'), consultant, 'declare_delay', NOW)).toEqual({
      allowed: true,
    });
    expect(
      decideDeliveryAction(confirmedFor('2026-11-28', { status: 'ready' }), consultant, 'declare_delay', NOW),
    ).toEqual({ allowed: true });
    expect(decideDeliveryAction(order(), consultant, 'declare_delay', NOW)).toMatchObject({
      reason: 'wrong_state',
    });
  });

  it('marks the car ready only after the whole PDI list, and delivers only a ready car with the handover list done', () => {
    const confirmed = confirmedFor('2026-11-28');
    expect(decideDeliveryAction(confirmed, consultant, 'mark_ready', NOW)).toMatchObject({
      reason: 'checklist_incomplete',
    });
    expect(decideDeliveryAction(confirmed, consultant, 'deliver', NOW)).toMatchObject({
      reason: 'wrong_state',
    });
    const pdiDone = { ...confirmed, checklists: { pdi: done(6), handover: open(6) } };
    expect(decideDeliveryAction(pdiDone, consultant, 'mark_ready', NOW)).toEqual({ allowed: true });
    const ready = { ...pdiDone, status: 'ready' as const };
    expect(decideDeliveryAction(ready, consultant, 'deliver', NOW)).toMatchObject({
      reason: 'checklist_incomplete',
    });
    expect(
      decideDeliveryAction(
        { ...ready, checklists: { pdi: done(6), handover: done(6) } },
        consultant,
        'deliver',
        NOW,
      ),
    ).toEqual({ allowed: true });
  });

  it('edits the PDI list before the car is ready and the handover list after', () => {
    const confirmed = confirmedFor('2026-11-28');
    expect(decideDeliveryAction(confirmed, consultant, 'tick_checklist', NOW, 'pdi')).toEqual({
      allowed: true,
    });
    expect(decideDeliveryAction(confirmed, consultant, 'tick_checklist', NOW, 'handover')).toMatchObject({
      reason: 'wrong_state',
    });
    const ready = { ...confirmed, status: 'ready' as const };
    expect(decideDeliveryAction(ready, consultant, 'tick_checklist', NOW, 'pdi')).toMatchObject({
      reason: 'wrong_state',
    });
    expect(decideDeliveryAction(ready, consultant, 'tick_checklist', NOW, 'handover')).toEqual({
      allowed: true,
    });
  });

  it('allows nothing on a delivered or cancelled order', () => {
    for (const status of ['delivered', 'cancelled'] as const) {
      for (const actor of [customer, consultant]) {
        expect(allowedDeliveryActions(order({ status }), actor, NOW)).toEqual([]);
      }
    }
  });

  it('never allows what it does not offer, for any state, actor and action', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIVERY_STATUSES),
        fc.constantFrom(customer, otherCustomer, consultant, otherStore, admin),
        fc.integer({ min: -2, max: 6 }),
        fc.boolean(),
        fc.boolean(),
        (status, actor, daysAhead, pdiDone, handoverDone) => {
          const date = new Date(NOW.getTime() + daysAhead * 86_400_000).toISOString();
          const snapshot = order({
            status,
            scheduledAt: status === 'scheduling' ? null : date,
            checklists: { pdi: pdiDone ? done(6) : open(6), handover: handoverDone ? done(6) : open(6) },
          });
          const allowed = allowedDeliveryActions(snapshot, actor, NOW);
          for (const action of DELIVERY_ACTIONS) {
            expect(decideDeliveryAction(snapshot, actor, action, NOW).allowed).toBe(allowed.includes(action));
          }
          if (allowed.includes('deliver')) expect(status).toBe('ready');
        },
      ),
    );
  });
});

describe('nextDeliveryStatus', () => {
  it('follows scheduling → date_confirmed → ready → delivered, with delays and requests back to scheduling', () => {
    expect(nextDeliveryStatus('scheduling', 'choose_date')).toBe('date_confirmed');
    expect(nextDeliveryStatus('date_confirmed', 'mark_ready')).toBe('ready');
    expect(nextDeliveryStatus('ready', 'deliver')).toBe('delivered');
    expect(nextDeliveryStatus('ready', 'declare_delay')).toBe('scheduling');
    expect(nextDeliveryStatus('date_confirmed', 'request_other_dates')).toBe('scheduling');
    expect(nextDeliveryStatus('date_confirmed', 'record_call')).toBe('date_confirmed');
    expect(nextDeliveryStatus('ready', 'confirm_attendance')).toBe('ready');
    expect(nextDeliveryStatus('scheduling', 'cancel_order')).toBe('cancelled');
  });
});
