import { describe, expect, it } from '@jest/globals';
import { decideTaskOutcome, type OutcomeDecision, type OutcomeTaskState } from './follow-up-outcome.js';
import { sh, STORE } from './follow-up.fixtures.js';

const task = (overrides: Partial<OutcomeTaskState> = {}): OutcomeTaskState => ({
  kind: 'test_drive_next_day_call',
  status: 'pending',
  attempts: 0,
  windowStart: sh('2026-11-24', '09:00'),
  dueAt: sh('2026-11-24', '18:00'),
  ...overrides,
});

function allowed(result: ReturnType<typeof decideTaskOutcome>): OutcomeDecision {
  if (!result.allowed) throw new Error(`refused: ${result.message}`);
  return result;
}

describe('decideTaskOutcome', () => {
  it('refuses a task that is no longer pending with 该任务已处理', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(
        decideTaskOutcome(
          task({ status }),
          { outcome: 'reached_confirmed' },
          sh('2026-11-24', '10:00'),
          STORE,
        ),
      ).toEqual({ allowed: false, reason: 'not_pending', message: '该任务已处理' });
    }
  });

  it('reached_confirmed closes the task now, counting the call', () => {
    const now = sh('2026-11-24', '10:00');
    const result = allowed(
      decideTaskOutcome(
        task({ attempts: 1 }),
        { outcome: 'reached_confirmed', note: ' 已确认 ' },
        now,
        STORE,
      ),
    );
    expect(result).toMatchObject({
      status: 'done',
      outcome: 'reached_confirmed',
      completedAt: now,
      attempts: 2,
      note: '已确认',
      escalatedAt: null,
      complaintCallback: null,
      dueAt: sh('2026-11-24', '18:00'),
    });
  });

  describe('not_reached', () => {
    it('retries 2 h later the same day; the due time stays when the retry is before it', () => {
      const result = allowed(
        decideTaskOutcome(task(), { outcome: 'not_reached' }, sh('2026-11-24', '10:00'), STORE),
      );
      expect(result).toMatchObject({
        status: 'pending',
        outcome: null,
        completedAt: null,
        attempts: 1,
        windowStart: sh('2026-11-24', '12:00'),
        dueAt: sh('2026-11-24', '18:00'),
      });
    });

    it('a try at 17:00 retries at the next opening and, tried in time, moves the due time with it', () => {
      const result = allowed(
        decideTaskOutcome(task(), { outcome: 'not_reached' }, sh('2026-11-24', '17:00'), STORE),
      );
      expect([result.windowStart, result.dueAt]).toEqual([
        sh('2026-11-25', '09:00'),
        sh('2026-11-25', '09:00'),
      ]);
    });

    it('skips the lunch break and the closed Monday', () => {
      const lunch = allowed(
        decideTaskOutcome(
          task({ dueAt: sh('2026-11-28', '17:30') }),
          { outcome: 'not_reached' },
          sh('2026-11-28', '10:30'),
          STORE,
        ),
      );
      expect(lunch.windowStart).toEqual(sh('2026-11-28', '13:30'));
      const sunday = allowed(
        decideTaskOutcome(
          task({ dueAt: sh('2026-11-29', '17:30') }),
          { outcome: 'not_reached' },
          sh('2026-11-29', '16:00'),
          STORE,
        ),
      );
      expect([sunday.windowStart, sunday.dueAt]).toEqual([
        sh('2026-12-01', '09:00'),
        sh('2026-12-01', '09:00'),
      ]);
    });

    it('a late try keeps the task overdue: the due time does not move', () => {
      const result = allowed(
        decideTaskOutcome(task(), { outcome: 'not_reached' }, sh('2026-11-25', '10:00'), STORE),
      );
      expect([result.windowStart, result.dueAt]).toEqual([
        sh('2026-11-25', '12:00'),
        sh('2026-11-24', '18:00'),
      ]);
    });

    it(`closes the task as not reached on the third miss`, () => {
      const now = sh('2026-11-24', '15:00');
      const result = allowed(
        decideTaskOutcome(task({ attempts: 2 }), { outcome: 'not_reached' }, now, STORE),
      );
      expect(result).toMatchObject({ status: 'done', outcome: 'not_reached', completedAt: now, attempts: 3 });
    });
  });

  describe('call_back_at', () => {
    const now = sh('2026-11-24', '10:00');
    it('moves the task to the agreed time, due within the hour after it', () => {
      const at = sh('2026-11-26', '19:30');
      const result = allowed(
        decideTaskOutcome(task(), { outcome: 'call_back_at', callBackAt: at.toISOString() }, now, STORE),
      );
      expect(result).toMatchObject({
        status: 'pending',
        outcome: null,
        attempts: 1,
        windowStart: at,
        dueAt: new Date(at.getTime() + 60 * 60_000),
      });
      // An offset other than Z is the same instant.
      const offset = allowed(
        decideTaskOutcome(
          task(),
          { outcome: 'call_back_at', callBackAt: '2026-11-26T19:30:00+08:00' },
          now,
          STORE,
        ),
      );
      expect(offset.windowStart).toEqual(at);
    });

    it.each([
      ['missing', undefined, '请选择约定的回访时间'],
      ['not an instant', 'next week', '请选择约定的回访时间'],
      ['a local time without zone', '2026-11-26T10:00:00', '请选择约定的回访时间'],
      ['an impossible date', '2026-02-30T10:00:00Z', '请选择约定的回访时间'],
      ['in the past', '2026-11-24T01:00:00Z', '约定的回访时间须晚于现在'],
      ['now', sh('2026-11-24', '10:00').toISOString(), '约定的回访时间须晚于现在'],
      ['more than 30 days ahead', sh('2026-12-24', '10:01').toISOString(), '约定的回访时间须在30天以内'],
    ])('refuses a call-back time %s', (_label, callBackAt, message) => {
      expect(decideTaskOutcome(task(), { outcome: 'call_back_at', callBackAt }, now, STORE)).toEqual({
        allowed: false,
        reason: 'invalid',
        message,
        errors: [{ field: 'callBackAt', message }],
      });
    });

    it('accepts exactly 30 days ahead', () => {
      const at = sh('2026-12-24', '10:00');
      expect(
        allowed(decideTaskOutcome(task(), { outcome: 'call_back_at', callBackAt: at }, now, STORE))
          .windowStart,
      ).toEqual(at);
    });
  });

  describe('complaint_escalated', () => {
    it('needs a note saying what the complaint is', () => {
      for (const note of [undefined, '', '   ']) {
        expect(
          decideTaskOutcome(
            task(),
            { outcome: 'complaint_escalated', note },
            sh('2026-11-24', '10:00'),
            STORE,
          ),
        ).toMatchObject({
          allowed: false,
          reason: 'invalid',
          errors: [{ field: 'note', message: '请填写客户投诉的内容' }],
        });
      }
    });

    it('closes the task, escalates it and plans the manager’s callback within 24 working-hour-adjusted hours', () => {
      const now = sh('2026-11-24', '15:00');
      const result = allowed(
        decideTaskOutcome(task(), { outcome: 'complaint_escalated', note: '试驾车有异味' }, now, STORE),
      );
      expect(result).toMatchObject({
        status: 'done',
        outcome: 'complaint_escalated',
        completedAt: now,
        escalatedAt: now,
        note: '试驾车有异味',
        complaintCallback: { windowStart: now, dueAt: sh('2026-11-25', '15:00') },
      });
    });

    it('late on Sunday: workable from Tuesday opening, due Tuesday 09:00 (Monday is closed)', () => {
      const result = allowed(
        decideTaskOutcome(
          task(),
          { outcome: 'complaint_escalated', note: '投诉' },
          sh('2026-11-29', '20:00'),
          STORE,
        ),
      );
      expect(result.complaintCallback).toEqual({
        windowStart: sh('2026-12-01', '09:00'),
        dueAt: sh('2026-12-01', '09:00'),
      });
    });
  });

  it('refuses a note over 500 characters (counted as characters, not UTF-16 units)', () => {
    expect(
      decideTaskOutcome(
        task(),
        { outcome: 'reached_confirmed', note: '好'.repeat(501) },
        sh('2026-11-24', '10:00'),
        STORE,
      ),
    ).toMatchObject({ allowed: false, errors: [{ field: 'note' }] });
    expect(
      decideTaskOutcome(
        task(),
        { outcome: 'reached_confirmed', note: '😀'.repeat(500) },
        sh('2026-11-24', '10:00'),
        STORE,
      ).allowed,
    ).toBe(true);
  });
});
