import { describe, expect, it } from '@jest/globals';
import { tasksAfterSourceChange } from './follow-up-reschedule.js';
import { tasksForEvent } from './follow-up-rules.js';
import { sh, STORE } from './follow-up.fixtures.js';
import type { FollowUpEvent, FollowUpTaskRecord, FollowUpTaskStatus } from './follow-up.types.js';

const context = { store: STORE };

const delivery = (deliveryAt: Date, at = sh('2026-11-17', '10:00')): FollowUpEvent => ({
  type: 'delivery_date_confirmed',
  sourceId: 9,
  at,
  deliveryAt,
  confirmedStages: [],
});

/** Stored rows of an event's plan, ids from `firstId`, with the given statuses in plan order. */
function stored(event: FollowUpEvent, statuses: FollowUpTaskStatus[], firstId = 1): FollowUpTaskRecord[] {
  return tasksForEvent(event, context).map((task, i) => ({
    ...task,
    id: firstId + i,
    status: statuses[i] ?? 'pending',
  }));
}

describe('tasksAfterSourceChange: rescheduled', () => {
  it('moves the pending T-3 and T-1 calls to the new delivery date', () => {
    const existing = stored(delivery(sh('2026-11-27', '10:00')), ['pending', 'pending']);
    const result = tasksAfterSourceChange(existing, {
      type: 'rescheduled',
      event: delivery(sh('2026-12-04', '10:00')),
      context,
    });
    expect(result).toEqual({
      updates: [
        { id: 1, change: 'move', windowStart: sh('2026-12-01', '09:00'), dueAt: sh('2026-12-02', '18:00') },
        { id: 2, change: 'move', windowStart: sh('2026-12-03', '09:00'), dueAt: sh('2026-12-03', '18:00') },
      ],
      creates: [],
    });
  });

  it('cancels a call no longer possible and asks again for a confirmation already done', () => {
    const existing = stored(delivery(sh('2026-11-27', '10:00')), ['done', 'pending']);
    // Re-confirmed on Wednesday evening for Friday: the T-3 window is over, T-1 stays on Thursday.
    const event = delivery(sh('2026-11-27', '15:00'), sh('2026-11-25', '19:00'));
    expect(tasksAfterSourceChange(existing, { type: 'rescheduled', event, context })).toEqual({
      updates: [],
      creates: [],
    });

    // Moved a week later: the done T-3 is planned again (a new date needs a new confirmation).
    const later = tasksAfterSourceChange(existing, {
      type: 'rescheduled',
      event: delivery(sh('2026-12-04', '10:00')),
      context,
    });
    expect(later.updates).toEqual([
      { id: 2, change: 'move', windowStart: sh('2026-12-03', '09:00'), dueAt: sh('2026-12-03', '18:00') },
    ]);
    expect(later.creates.map((t) => t.kind)).toEqual(['delivery_t3_call']);
  });

  it('cancels a pending call whose window is over after a short-notice reschedule', () => {
    const existing = stored(delivery(sh('2026-12-04', '10:00')), ['pending', 'pending']);
    const event = delivery(sh('2026-11-27', '10:00'), sh('2026-11-25', '19:00'));
    expect(tasksAfterSourceChange(existing, { type: 'rescheduled', event, context })).toEqual({
      updates: [
        { id: 1, change: 'cancel' },
        { id: 2, change: 'move', windowStart: sh('2026-11-26', '09:00'), dueAt: sh('2026-11-26', '18:00') },
      ],
      creates: [],
    });
  });

  it('moves a prospect’s follow-up when the intent level changes', () => {
    const at = sh('2026-11-20', '10:00');
    const existing = stored({ type: 'prospect_intent_assessed', sourceId: 5, at, level: 'C' }, ['pending']);
    const result = tasksAfterSourceChange(existing, {
      type: 'rescheduled',
      event: { type: 'prospect_intent_assessed', sourceId: 5, at, level: 'H' },
      context,
    });
    expect(result.updates).toEqual([
      { id: 1, change: 'move', windowStart: sh('2026-11-22', '09:00'), dueAt: sh('2026-11-22', '17:30') },
    ]);
  });

  it('does not plan again a done call of another kind, nor touch other sources', () => {
    const delivered: FollowUpEvent = { type: 'order_delivered', sourceId: 9, at: sh('2026-11-21', '16:00') };
    const other = stored({ ...delivered, sourceId: 10 }, [], 10);
    const existing = [...stored(delivered, ['done', 'pending', 'pending']), ...other];
    const corrected: FollowUpEvent = { ...delivered, at: sh('2026-11-20', '16:00') };
    const result = tasksAfterSourceChange(existing, { type: 'rescheduled', event: corrected, context });
    expect(result.creates).toEqual([]);
    expect(result.updates.map((u) => u.id)).toEqual([2, 3]);
  });

  it('changes nothing when the plan is the same', () => {
    const event = delivery(sh('2026-11-27', '10:00'));
    expect(tasksAfterSourceChange(stored(event, []), { type: 'rescheduled', event, context })).toEqual({
      updates: [],
      creates: [],
    });
  });
});

describe('tasksAfterSourceChange: cancelled', () => {
  it('cancels the source’s pending tasks only', () => {
    const existing = [
      ...stored(delivery(sh('2026-11-27', '10:00')), ['done', 'pending']),
      ...stored({ type: 'order_delivered', sourceId: 10, at: sh('2026-11-21', '16:00') }, [], 10),
    ];
    expect(
      tasksAfterSourceChange(existing, { type: 'cancelled', sourceType: 'delivery', sourceId: 9 }),
    ).toEqual({
      updates: [{ id: 2, change: 'cancel' }],
      creates: [],
    });
  });

  it('cancels only the named kinds: an order after a test drive ends the no-order callback', () => {
    const existing = stored({ type: 'test_drive_completed', sourceId: 7, at: sh('2026-11-24', '15:00') }, [
      'pending',
      'pending',
    ]);
    const result = tasksAfterSourceChange(existing, {
      type: 'cancelled',
      sourceType: 'test_drive',
      sourceId: 7,
      kinds: ['test_drive_no_order_callback'],
    });
    expect(result.updates).toEqual([{ id: 2, change: 'cancel' }]);
  });
});
