import { describe, expect, it } from '@jest/globals';
import { inboxBucket, isCompletedOnTime, isTaskOverdue, shouldEscalate } from './follow-up-inbox.js';
import { followUpRates } from './follow-up-stats.js';
import { sh } from './follow-up.fixtures.js';

const SH = 'Asia/Shanghai';
const pending = (dueAt: Date) => ({ status: 'pending' as const, dueAt });

describe('inboxBucket (store-local days, whatever the machine TZ)', () => {
  const now = sh('2026-11-24', '10:00');

  it('overdue once past the due time; a task due exactly now is still today', () => {
    expect(inboxBucket(pending(sh('2026-11-24', '09:59')), now, SH)).toBe('overdue');
    expect(inboxBucket(pending(sh('2026-11-20', '18:00')), now, SH)).toBe('overdue');
    expect(inboxBucket(pending(now), now, SH)).toBe('today');
    expect(isTaskOverdue(pending(now), now)).toBe(false);
  });

  it('today up to local midnight, upcoming after it', () => {
    expect(inboxBucket(pending(sh('2026-11-24', '23:59')), now, SH)).toBe('today');
    expect(inboxBucket(pending(sh('2026-11-25', '00:00')), now, SH)).toBe('upcoming');
  });

  it('at 23:30 Shanghai, a task due 00:30 the next local day is upcoming although both are one UTC day', () => {
    const late = sh('2026-11-24', '23:30');
    const due = sh('2026-11-25', '00:30');
    expect(late.toISOString().slice(0, 10)).toBe(due.toISOString().slice(0, 10));
    expect(inboxBucket(pending(due), late, SH)).toBe('upcoming');
  });

  it('at 07:30 Shanghai (23:30 UTC the day before), a task due 18:00 is today', () => {
    const early = sh('2026-11-24', '07:30');
    expect(early.toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(inboxBucket(pending(sh('2026-11-24', '18:00')), early, SH)).toBe('today');
  });

  it('reads the day in the store’s zone: the same instants bucket differently in London', () => {
    // 2026-11-24 10:00 Shanghai = 02:00 London; 2026-11-25 07:00 Shanghai = 23:00 London of the 24th.
    const due = sh('2026-11-25', '07:00');
    expect(inboxBucket(pending(due), now, SH)).toBe('upcoming');
    expect(inboxBucket(pending(due), now, 'Europe/London')).toBe('today');
  });

  it('done and cancelled tasks are closed, even past due', () => {
    expect(inboxBucket({ status: 'done', dueAt: sh('2026-11-20', '10:00') }, now, SH)).toBe('closed');
    expect(inboxBucket({ status: 'cancelled', dueAt: sh('2026-11-30', '10:00') }, now, SH)).toBe('closed');
  });
});

describe('shouldEscalate', () => {
  const now = sh('2026-11-24', '10:00');
  const base = {
    status: 'pending' as const,
    dueAt: sh('2026-11-24', '09:00'),
    assigneeRole: 'consultant' as const,
    escalatedAt: null,
  };

  it('escalates a pending consultant or service-advisor task past due, once', () => {
    expect(shouldEscalate(base, now)).toBe(true);
    expect(shouldEscalate({ ...base, assigneeRole: 'service_advisor' }, now)).toBe(true);
    expect(shouldEscalate({ ...base, escalatedAt: sh('2026-11-24', '09:01') }, now)).toBe(false);
  });

  it('leaves tasks not yet due, closed tasks and the manager’s own tasks alone', () => {
    expect(shouldEscalate({ ...base, dueAt: now }, now)).toBe(false);
    expect(shouldEscalate({ ...base, status: 'done' }, now)).toBe(false);
    expect(shouldEscalate({ ...base, status: 'cancelled' }, now)).toBe(false);
    expect(shouldEscalate({ ...base, assigneeRole: 'manager' }, now)).toBe(false);
  });
});

describe('isCompletedOnTime', () => {
  const dueAt = sh('2026-11-24', '18:00');
  it('is true up to and at the due time, false after, null unless done', () => {
    expect(isCompletedOnTime({ status: 'done', dueAt, completedAt: dueAt })).toBe(true);
    expect(isCompletedOnTime({ status: 'done', dueAt, completedAt: sh('2026-11-24', '18:01') })).toBe(false);
    expect(isCompletedOnTime({ status: 'pending', dueAt, completedAt: null })).toBeNull();
    expect(
      isCompletedOnTime({ status: 'cancelled', dueAt, completedAt: sh('2026-11-24', '10:00') }),
    ).toBeNull();
  });
});

describe('followUpRates', () => {
  it('leaves cancelled tasks out of the completion rate and divides on-time by done', () => {
    expect(followUpRates({ total: 10, done: 6, onTime: 3, overdueOpen: 2, cancelled: 2 })).toEqual({
      total: 10,
      done: 6,
      onTime: 3,
      overdueOpen: 2,
      cancelled: 2,
      completionRate: 0.75,
      onTimeRate: 0.5,
    });
  });

  it('has no rate when nothing was due or done', () => {
    expect(followUpRates({ total: 2, done: 0, onTime: 0, overdueOpen: 0, cancelled: 2 })).toMatchObject({
      completionRate: null,
      onTimeRate: null,
    });
  });
});
