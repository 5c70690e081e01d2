import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CHECK_IN_OPENS_MINUTES_BEFORE,
  allowedBookingActions,
  decideBookingAction,
  formatDurationZh,
  holdsCar,
  isFinalBookingStatus,
  nextBookingStatus,
} from './booking-lifecycle.js';
import type { BookingSnapshot } from './booking-lifecycle.js';
import { BOOKING_ACTIONS, BOOKING_STATUSES, DEFAULT_BOOKING_POLICY } from './booking.types.js';
import type { BookingAction, BookingActor, BookingPolicy, BookingStatus } from './booking.types.js';

const MINUTE = 60_000;
const POLICY: BookingPolicy = { ...DEFAULT_BOOKING_POLICY }; // cut-off 120 min, 2 moves, notice 120 min

/** Wednesday 25 November 2026, 10:00–11:00 in Shanghai. */
const START = Date.parse('2026-11-25T02:00:00.000Z');
const END = START + 60 * MINUTE;

const booking = (overrides: Partial<BookingSnapshot> = {}): BookingSnapshot => ({
  status: 'requested',
  startsAt: new Date(START).toISOString(),
  endsAt: new Date(END).toISOString(),
  storeId: 7,
  customerId: 42,
  rescheduleCount: 0,
  proposal: null,
  ...overrides,
});

const at = (offsetMinutes: number): Date => new Date(START + offsetMinutes * MINUTE);
const DAY_BEFORE = at(-24 * 60);

const CUSTOMER: BookingActor = { kind: 'customer', customerId: 42 };
const OTHER_CUSTOMER: BookingActor = { kind: 'customer', customerId: 43 };
const CONSULTANT: BookingActor = { kind: 'staff', staffId: 5, role: 'consultant', storeId: 7 };
const MANAGER: BookingActor = { kind: 'staff', staffId: 6, role: 'manager', storeId: 7 };
const OTHER_STORE_CONSULTANT: BookingActor = { kind: 'staff', staffId: 8, role: 'consultant', storeId: 9 };
const OTHER_STORE_MANAGER: BookingActor = { kind: 'staff', staffId: 9, role: 'manager', storeId: 9 };
const ADMIN: BookingActor = { kind: 'staff', staffId: 1, role: 'admin', storeId: null };
const SYSTEM: BookingActor = { kind: 'system' };

const decide = (
  b: BookingSnapshot,
  actor: BookingActor,
  action: BookingAction,
  now: Date,
  policy: BookingPolicy = POLICY,
): { allowed: boolean; reason?: string; message?: string } =>
  decideBookingAction(b, actor, action, policy, now);

const reasonOf = (
  b: BookingSnapshot,
  actor: BookingActor,
  action: BookingAction,
  now: Date,
  policy = POLICY,
) => {
  const decision = decideBookingAction(b, actor, action, policy, now);
  return decision.allowed ? 'allowed' : decision.reason;
};

describe('decideBookingAction: every status × action × actor kind', () => {
  /** Who may take each action, and from which statuses (the specification, written out). */
  const RULES: Record<BookingAction, { actor: BookingActor['kind']; from: BookingStatus[] }> = {
    cancel: { actor: 'customer', from: ['requested', 'confirmed'] },
    reschedule: { actor: 'customer', from: ['requested', 'confirmed'] },
    accept_proposal: { actor: 'customer', from: ['requested', 'confirmed'] },
    decline_proposal: { actor: 'customer', from: ['requested', 'confirmed'] },
    confirm: { actor: 'staff', from: ['requested'] },
    reject: { actor: 'staff', from: ['requested'] },
    propose: { actor: 'staff', from: ['requested', 'confirmed'] },
    check_in: { actor: 'staff', from: ['confirmed'] },
    complete: { actor: 'staff', from: ['checked_in'] },
    mark_no_show: { actor: 'staff', from: ['requested', 'confirmed'] },
    cancel_by_store: { actor: 'staff', from: ['requested', 'confirmed'] },
  };

  /** A moment and booking at which each action's own time rules are met. */
  const SCENE: Record<BookingAction, { now: Date; proposal: BookingSnapshot['proposal'] }> = {
    cancel: { now: DAY_BEFORE, proposal: null },
    reschedule: { now: DAY_BEFORE, proposal: null },
    accept_proposal: {
      now: DAY_BEFORE,
      proposal: { startsAt: new Date(START + 24 * 60 * MINUTE).toISOString() },
    },
    decline_proposal: {
      now: DAY_BEFORE,
      proposal: { startsAt: new Date(START + 24 * 60 * MINUTE).toISOString() },
    },
    confirm: { now: DAY_BEFORE, proposal: null },
    reject: { now: DAY_BEFORE, proposal: null },
    propose: { now: DAY_BEFORE, proposal: null },
    check_in: { now: at(-30), proposal: null },
    complete: { now: at(30), proposal: null },
    mark_no_show: { now: at(61), proposal: null },
    cancel_by_store: { now: DAY_BEFORE, proposal: null },
  };

  const ACTORS: Array<[string, BookingActor]> = [
    ['customer', CUSTOMER],
    ['consultant', CONSULTANT],
    ['manager', MANAGER],
    ['admin', ADMIN],
    ['system', SYSTEM],
  ];

  const cases = BOOKING_STATUSES.flatMap((status) =>
    BOOKING_ACTIONS.flatMap((action) =>
      ACTORS.map(([name, actor]) => [status, action, name, actor] as const),
    ),
  );

  it.each(cases)('%s × %s × %s', (status, action, _name, actor) => {
    const rule = RULES[action];
    const scene = SCENE[action];
    const actorMayAct = actor.kind === 'system' ? action === 'mark_no_show' : actor.kind === rule.actor;
    const expected = !actorMayAct ? 'wrong_actor' : rule.from.includes(status) ? 'allowed' : 'wrong_state';
    const decision = decideBookingAction(
      booking({ status, proposal: scene.proposal }),
      actor,
      action,
      POLICY,
      scene.now,
    );
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
    if (!decision.allowed) expect(decision.message).toMatch(/\p{Script=Han}/u);
  });

  it('explains a wrong state in Chinese', () => {
    expect(decide(booking({ status: 'cancelled' }), CUSTOMER, 'reschedule', DAY_BEFORE)).toEqual({
      allowed: false,
      reason: 'wrong_state',
      message: '预约已取消，不能改期',
    });
    expect(decide(booking({ status: 'completed' }), CONSULTANT, 'check_in', at(-30)).message).toBe(
      '预约已完成，不能到店登记',
    );
    expect(decide(booking(), CUSTOMER, 'confirm', DAY_BEFORE).message).toBe('“确认”须由门店操作');
    expect(decide(booking(), CONSULTANT, 'cancel', DAY_BEFORE).message).toBe('“取消预约”须由客户本人操作');
    expect(decide(booking(), SYSTEM, 'cancel_by_store', DAY_BEFORE).message).toBe('系统不能执行“门店取消”');
  });
});

describe('decideBookingAction: allowed actions at typical moments', () => {
  const proposal = { startsAt: new Date(START + 24 * 60 * MINUTE).toISOString() };
  const table: Array<[string, BookingActor, Date, Partial<BookingSnapshot>, BookingAction[]]> = [
    ['customer, a day before', CUSTOMER, DAY_BEFORE, { status: 'requested' }, ['cancel', 'reschedule']],
    [
      'customer, a day before, confirmed',
      CUSTOMER,
      DAY_BEFORE,
      { status: 'confirmed' },
      ['cancel', 'reschedule'],
    ],
    [
      'customer with a proposal',
      CUSTOMER,
      DAY_BEFORE,
      { status: 'confirmed', proposal },
      ['cancel', 'reschedule', 'accept_proposal', 'decline_proposal'],
    ],
    ['customer, an hour before', CUSTOMER, at(-60), { status: 'confirmed' }, []],
    ['customer, checked in', CUSTOMER, at(-30), { status: 'checked_in' }, []],
    [
      'consultant, a day before',
      CONSULTANT,
      DAY_BEFORE,
      { status: 'requested' },
      ['confirm', 'reject', 'propose', 'cancel_by_store'],
    ],
    [
      'consultant, proposal pending',
      CONSULTANT,
      DAY_BEFORE,
      { status: 'requested', proposal },
      ['reject', 'propose', 'cancel_by_store'],
    ],
    [
      'consultant, confirmed, a day before',
      CONSULTANT,
      DAY_BEFORE,
      { status: 'confirmed' },
      ['propose', 'cancel_by_store'],
    ],
    [
      'consultant, confirmed, 30 min before',
      CONSULTANT,
      at(-30),
      { status: 'confirmed' },
      ['propose', 'check_in', 'cancel_by_store'],
    ],
    [
      'consultant, confirmed, during the slot',
      CONSULTANT,
      at(20),
      { status: 'confirmed' },
      ['check_in', 'cancel_by_store'],
    ],
    ['consultant, confirmed, after the slot', CONSULTANT, at(60), { status: 'confirmed' }, ['mark_no_show']],
    [
      'consultant, unconfirmed, after the slot',
      CONSULTANT,
      at(60),
      { status: 'requested' },
      ['confirm', 'reject', 'mark_no_show'],
    ],
    ['consultant, checked in', CONSULTANT, at(10), { status: 'checked_in' }, ['complete']],
    ['system, after the slot', SYSTEM, at(60), { status: 'requested' }, ['mark_no_show']],
    ['system, during the slot', SYSTEM, at(30), { status: 'confirmed' }, []],
  ];

  it.each(table)('%s', (_name, actor, now, overrides, expected) => {
    expect(allowedBookingActions(booking(overrides), actor, POLICY, now)).toEqual(expected);
  });

  it.each(['completed', 'rejected', 'cancelled', 'no_show'] as const)(
    '%s allows nothing to anyone',
    (status) => {
      for (const actor of [CUSTOMER, CONSULTANT, MANAGER, ADMIN, SYSTEM]) {
        for (const now of [DAY_BEFORE, at(-30), at(30), at(120), at(30 * 24 * 60)]) {
          expect(
            allowedBookingActions(
              booking({ status, proposal: { startsAt: new Date(START).toISOString() } }),
              actor,
              POLICY,
              now,
            ),
          ).toEqual([]);
        }
      }
    },
  );
});

describe('decideBookingAction: ownership and store scope', () => {
  it('hides other customers’ bookings, whatever the state', () => {
    expect(decide(booking(), OTHER_CUSTOMER, 'cancel', DAY_BEFORE)).toEqual({
      allowed: false,
      reason: 'not_owner',
      message: '未找到该预约',
    });
    expect(reasonOf(booking({ status: 'cancelled' }), OTHER_CUSTOMER, 'confirm', DAY_BEFORE)).toBe(
      'not_owner',
    );
  });

  it('lets consultants and managers act on their own store only, admins on any', () => {
    expect(reasonOf(booking(), MANAGER, 'confirm', DAY_BEFORE)).toBe('allowed');
    expect(reasonOf(booking(), OTHER_STORE_CONSULTANT, 'confirm', DAY_BEFORE)).toBe('out_of_store');
    expect(reasonOf(booking(), OTHER_STORE_MANAGER, 'reject', DAY_BEFORE)).toBe('out_of_store');
    expect(decide(booking(), OTHER_STORE_MANAGER, 'reject', DAY_BEFORE).message).toBe('只能处理本门店的预约');
    expect(reasonOf(booking(), ADMIN, 'confirm', DAY_BEFORE)).toBe('allowed');
    expect(reasonOf(booking({ storeId: 9 }), { ...ADMIN, storeId: 7 }, 'confirm', DAY_BEFORE)).toBe(
      'allowed',
    );
    // A consultant or manager without a store acts on no store.
    expect(reasonOf(booking(), { ...CONSULTANT, storeId: null }, 'confirm', DAY_BEFORE)).toBe('out_of_store');
    // Scope is checked before the actor kind and the state.
    expect(reasonOf(booking({ status: 'completed' }), OTHER_STORE_CONSULTANT, 'cancel', DAY_BEFORE)).toBe(
      'out_of_store',
    );
  });
});

describe('decideBookingAction: customer cut-off', () => {
  const cutoff = -POLICY.customerCutoffMinutes;

  it.each(['cancel', 'reschedule'] as const)('%s is possible until the cut-off, not at it', (action) => {
    expect(reasonOf(booking(), CUSTOMER, action, new Date(START + cutoff * MINUTE - 1))).toBe('allowed');
    expect(reasonOf(booking(), CUSTOMER, action, at(cutoff))).toBe('past_cutoff');
    expect(reasonOf(booking({ status: 'confirmed' }), CUSTOMER, action, at(-5))).toBe('past_cutoff');
    expect(reasonOf(booking(), CUSTOMER, action, at(30))).toBe('past_cutoff');
  });

  it('tells the customer to phone the store, in hours or minutes', () => {
    expect(decide(booking(), CUSTOMER, 'reschedule', at(-60)).message).toBe(
      '距离试驾开始已不足2小时，请致电门店修改',
    );
    expect(decide(booking(), CUSTOMER, 'cancel', at(-60)).message).toBe(
      '距离试驾开始已不足2小时，请致电门店取消',
    );
    const ninety = { ...POLICY, customerCutoffMinutes: 90 };
    expect(decide(booking(), CUSTOMER, 'cancel', at(-60), ninety).message).toBe(
      '距离试驾开始已不足90分钟，请致电门店取消',
    );
    const none = { ...POLICY, customerCutoffMinutes: 0 };
    expect(reasonOf(booking(), CUSTOMER, 'cancel', at(-1), none)).toBe('allowed');
    expect(decide(booking(), CUSTOMER, 'cancel', at(0), none).message).toBe('试驾时间已到，请致电门店取消');
  });

  it('does not apply the cut-off to answering a proposal', () => {
    const proposal = { startsAt: new Date(START + 24 * 60 * MINUTE).toISOString() };
    expect(reasonOf(booking({ proposal }), CUSTOMER, 'accept_proposal', at(-30))).toBe('allowed');
    expect(reasonOf(booking({ proposal }), CUSTOMER, 'decline_proposal', at(-30))).toBe('allowed');
  });
});

describe('decideBookingAction: reschedule limit and proposals', () => {
  const proposal = { startsAt: new Date(START + 24 * 60 * MINUTE).toISOString() };

  it('stops moving a booking after maxReschedules moves', () => {
    expect(reasonOf(booking({ rescheduleCount: 1 }), CUSTOMER, 'reschedule', DAY_BEFORE)).toBe('allowed');
    expect(decide(booking({ rescheduleCount: 2 }), CUSTOMER, 'reschedule', DAY_BEFORE)).toEqual({
      allowed: false,
      reason: 'reschedule_limit',
      message: '每个预约最多改期2次，如需再改请致电门店',
    });
    expect(reasonOf(booking({ rescheduleCount: 2, proposal }), CUSTOMER, 'accept_proposal', DAY_BEFORE)).toBe(
      'reschedule_limit',
    );
    // Declining and cancelling stay possible.
    expect(
      reasonOf(booking({ rescheduleCount: 2, proposal }), CUSTOMER, 'decline_proposal', DAY_BEFORE),
    ).toBe('allowed');
    expect(reasonOf(booking({ rescheduleCount: 2 }), CUSTOMER, 'cancel', DAY_BEFORE)).toBe('allowed');
    const never = { ...POLICY, maxReschedules: 0 };
    expect(reasonOf(booking(), CUSTOMER, 'reschedule', DAY_BEFORE, never)).toBe('reschedule_limit');
  });

  it('needs a pending proposal to accept or decline', () => {
    expect(decide(booking(), CUSTOMER, 'accept_proposal', DAY_BEFORE)).toEqual({
      allowed: false,
      reason: 'no_proposal',
      message: '门店没有待您确认的新时间',
    });
    expect(reasonOf(booking(), CUSTOMER, 'decline_proposal', DAY_BEFORE)).toBe('no_proposal');
  });

  it('refuses to accept a proposed time inside the notice', () => {
    const soon = { startsAt: new Date(DAY_BEFORE.getTime() + 119 * MINUTE).toISOString() };
    const justInTime = { startsAt: new Date(DAY_BEFORE.getTime() + 120 * MINUTE).toISOString() };
    expect(reasonOf(booking({ proposal: soon }), CUSTOMER, 'accept_proposal', DAY_BEFORE)).toBe('too_late');
    expect(reasonOf(booking({ proposal: justInTime }), CUSTOMER, 'accept_proposal', DAY_BEFORE)).toBe(
      'allowed',
    );
    expect(reasonOf(booking({ proposal: soon }), CUSTOMER, 'decline_proposal', DAY_BEFORE)).toBe('allowed');
  });

  it('does not confirm while a proposal awaits the customer', () => {
    expect(decide(booking({ proposal }), CONSULTANT, 'confirm', DAY_BEFORE)).toEqual({
      allowed: false,
      reason: 'wrong_state',
      message: '已向客户建议新的时间，请等待客户答复',
    });
    expect(reasonOf(booking({ proposal }), CONSULTANT, 'reject', DAY_BEFORE)).toBe('allowed');
  });

  it('proposes only before the slot starts', () => {
    expect(reasonOf(booking({ status: 'confirmed' }), CONSULTANT, 'propose', new Date(START - 1))).toBe(
      'allowed',
    );
    expect(reasonOf(booking({ status: 'confirmed' }), CONSULTANT, 'propose', at(0))).toBe('too_late');
  });
});

describe('decideBookingAction: staff time windows', () => {
  const confirmed = booking({ status: 'confirmed' });

  it(`checks in from ${CHECK_IN_OPENS_MINUTES_BEFORE} minutes before the start until the end`, () => {
    expect(decide(confirmed, CONSULTANT, 'check_in', at(-61))).toEqual({
      allowed: false,
      reason: 'too_early',
      message: '试驾开始前1小时内才能到店登记',
    });
    expect(reasonOf(confirmed, CONSULTANT, 'check_in', at(-60))).toBe('allowed');
    expect(reasonOf(confirmed, CONSULTANT, 'check_in', new Date(END - 1))).toBe('allowed');
    expect(reasonOf(confirmed, CONSULTANT, 'check_in', new Date(END))).toBe('too_late');
    expect(reasonOf(booking(), CONSULTANT, 'check_in', at(-30))).toBe('wrong_state'); // not confirmed yet
  });

  it('marks a no-show only once the slot has ended, for staff and the system', () => {
    for (const actor of [CONSULTANT, SYSTEM]) {
      expect(reasonOf(confirmed, actor, 'mark_no_show', new Date(END - 1))).toBe('too_early');
      expect(reasonOf(confirmed, actor, 'mark_no_show', new Date(END))).toBe('allowed');
      expect(reasonOf(booking(), actor, 'mark_no_show', new Date(END))).toBe('allowed');
      expect(reasonOf(booking({ status: 'checked_in' }), actor, 'mark_no_show', new Date(END))).toBe(
        'wrong_state',
      );
    }
    expect(decide(confirmed, SYSTEM, 'mark_no_show', at(0)).message).toBe('试驾时段结束后才能标记未到店');
  });

  it('cancels by store until the slot ends', () => {
    expect(reasonOf(confirmed, CONSULTANT, 'cancel_by_store', new Date(END - 1))).toBe('allowed');
    expect(reasonOf(confirmed, CONSULTANT, 'cancel_by_store', new Date(END))).toBe('too_late');
  });

  it('completes a checked-in drive at any time, confirms and rejects late requests', () => {
    expect(reasonOf(booking({ status: 'checked_in' }), CONSULTANT, 'complete', at(600))).toBe('allowed');
    expect(reasonOf(booking(), CONSULTANT, 'confirm', at(10))).toBe('allowed');
    expect(reasonOf(booking(), MANAGER, 'reject', at(600))).toBe('allowed');
  });
});

describe('nextBookingStatus', () => {
  it.each([
    ['requested', 'cancel', 'cancelled'],
    ['confirmed', 'cancel_by_store', 'cancelled'],
    ['confirmed', 'reschedule', 'requested'],
    ['requested', 'reschedule', 'requested'],
    ['requested', 'accept_proposal', 'confirmed'],
    ['confirmed', 'decline_proposal', 'confirmed'],
    ['requested', 'decline_proposal', 'requested'],
    ['requested', 'propose', 'requested'],
    ['confirmed', 'propose', 'confirmed'],
    ['requested', 'confirm', 'confirmed'],
    ['requested', 'reject', 'rejected'],
    ['confirmed', 'check_in', 'checked_in'],
    ['checked_in', 'complete', 'completed'],
    ['confirmed', 'mark_no_show', 'no_show'],
    ['requested', 'mark_no_show', 'no_show'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextBookingStatus(from, action)).toBe(to);
  });
});

describe('holdsCar, isFinalBookingStatus, formatDurationZh', () => {
  it.each([
    ['requested', true, false],
    ['confirmed', true, false],
    ['checked_in', true, false],
    ['completed', false, true],
    ['rejected', false, true],
    ['cancelled', false, true],
    ['no_show', false, true],
  ] as const)('%s: holds a car %s, final %s', (status, holds, final) => {
    expect(holdsCar(status)).toBe(holds);
    expect(isFinalBookingStatus(status)).toBe(final);
  });

  it('formats whole hours as hours', () => {
    expect(formatDurationZh(120)).toBe('2小时');
    expect(formatDurationZh(60)).toBe('1小时');
    expect(formatDurationZh(90)).toBe('90分钟');
    expect(formatDurationZh(30)).toBe('30分钟');
  });
});

describe('lifecycle properties', () => {
  const ACTOR_POOL: BookingActor[] = [
    CUSTOMER,
    OTHER_CUSTOMER,
    CONSULTANT,
    MANAGER,
    OTHER_STORE_CONSULTANT,
    ADMIN,
    SYSTEM,
  ];
  const stepArb = fc.record({
    actor: fc.integer({ min: 0, max: ACTOR_POOL.length - 1 }),
    action: fc.constantFrom(...BOOKING_ACTIONS),
    advanceMinutes: fc.integer({ min: 0, max: 12 * 60 }),
    moveMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }),
  });
  const policyArb = fc.record({
    ...Object.fromEntries(Object.entries(POLICY).map(([k, v]) => [k, fc.constant(v)])),
    minNoticeMinutes: fc.integer({ min: 0, max: 240 }),
    customerCutoffMinutes: fc.integer({ min: 0, max: 300 }),
    maxReschedules: fc.integer({ min: 0, max: 3 }),
  }) as fc.Arbitrary<BookingPolicy>;

  it('from any reachable state, a final status allows no action for anyone; moves stay within the limit', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.array(stepArb, { maxLength: 40 }),
        (policy, lead, steps) => {
          let now = Date.parse('2026-11-20T00:00:00.000Z');
          const start = now + lead * MINUTE;
          let b = booking({
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 60 * MINUTE).toISOString(),
          });
          const slotAt = (ms: number) => ({
            startsAt: new Date(ms).toISOString(),
            endsAt: new Date(ms + 60 * MINUTE).toISOString(),
          });

          for (const step of steps) {
            now += step.advanceMinutes * MINUTE;
            const actor = ACTOR_POOL[step.actor]!;
            const decision = decideBookingAction(b, actor, step.action, policy, new Date(now));
            if (!decision.allowed) {
              expect(decision.message.length).toBeGreaterThan(0);
              continue;
            }
            // Only the owner, the store's staff, admins and (for no-shows) the system ever act.
            expect([OTHER_CUSTOMER, OTHER_STORE_CONSULTANT]).not.toContain(actor);
            expect(isFinalBookingStatus(b.status)).toBe(false);
            const next: BookingSnapshot = { ...b, status: nextBookingStatus(b.status, step.action) };
            if (step.action === 'reschedule') {
              Object.assign(
                next,
                slotAt(now + policy.minNoticeMinutes * MINUTE + step.moveMinutes * MINUTE),
                {
                  rescheduleCount: b.rescheduleCount + 1,
                  proposal: null,
                },
              );
            } else if (step.action === 'accept_proposal') {
              Object.assign(next, slotAt(Date.parse(b.proposal!.startsAt)), {
                rescheduleCount: b.rescheduleCount + 1,
                proposal: null,
              });
            } else if (step.action === 'propose') {
              next.proposal = { startsAt: new Date(now + step.moveMinutes * MINUTE).toISOString() };
            } else if (step.action === 'decline_proposal' || step.action === 'confirm') {
              next.proposal = null;
            }
            b = next;
            expect(b.rescheduleCount).toBeLessThanOrEqual(policy.maxReschedules);

            if (isFinalBookingStatus(b.status)) {
              for (const anyone of ACTOR_POOL) {
                for (const when of [
                  now,
                  now + 60 * MINUTE,
                  start - 24 * 60 * MINUTE,
                  now + 30 * 24 * 60 * MINUTE,
                ]) {
                  expect(allowedBookingActions(b, anyone, policy, new Date(when))).toEqual([]);
                }
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
