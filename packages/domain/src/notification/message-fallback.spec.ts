import { describe, expect, it } from '@jest/globals';
import { sh, STORE } from '../follow-up/follow-up.fixtures.js';
import { addWorkingHours, messageFallbackDueAt, needsFallbackCall } from './message-fallback.js';
import { NOTIFICATION_KINDS } from './notification.types.js';

// STORE: Tue–Fri 09:00–18:00, Sat/Sun 09:00–12:00 + 13:30–17:30, closed on Mondays (Nov 2026).
describe('messageFallbackDueAt', () => {
  it('is four hours later while the store stays open', () => {
    expect(messageFallbackDueAt(STORE, sh('2026-11-24', '10:00'))).toEqual(sh('2026-11-24', '14:00'));
  });

  it('carries the rest of the hours over to the next open day', () => {
    // Tue 16:30 → 1.5 h today, 2.5 h from Wed 09:00.
    expect(messageFallbackDueAt(STORE, sh('2026-11-24', '16:30'))).toEqual(sh('2026-11-25', '11:30'));
  });

  it('starts counting at the next opening when the failure happens at night', () => {
    expect(messageFallbackDueAt(STORE, sh('2026-11-24', '23:10'))).toEqual(sh('2026-11-25', '13:00'));
  });

  it('skips the lunch break and the closed Monday', () => {
    // Sun 11:00 → 1 h before lunch, 3 h from 13:30 = 16:30.
    expect(messageFallbackDueAt(STORE, sh('2026-11-22', '11:00'))).toEqual(sh('2026-11-22', '16:30'));
    // Sun 16:30 → 1 h Sunday, Monday closed, 3 h from Tue 09:00.
    expect(messageFallbackDueAt(STORE, sh('2026-11-22', '16:30'))).toEqual(sh('2026-11-24', '12:00'));
  });

  it('skips extra closed dates', () => {
    const store = { ...STORE, closedDates: ['2026-11-25'] };
    expect(messageFallbackDueAt(store, sh('2026-11-24', '17:00'))).toEqual(sh('2026-11-26', '12:00'));
  });

  it('counts plain hours for a store that never opens', () => {
    const closed = { ...STORE, openingHours: [] };
    const at = sh('2026-11-24', '10:00');
    expect(addWorkingHours(closed, at, 4)).toEqual(new Date(at.getTime() + 4 * 3_600_000));
  });
});

describe('needsFallbackCall', () => {
  it('calls for test-drive and delivery messages, not for survey invitations', () => {
    const calls = NOTIFICATION_KINDS.filter(needsFallbackCall);
    expect(calls.sort()).toEqual(
      [
        'test_drive_confirmed',
        'test_drive_rejected',
        'test_drive_time_proposed',
        'test_drive_cancelled_by_store',
        'delivery_dates_offered',
        'delivery_delayed',
        'delivery_ready',
      ].sort(),
    );
  });
});
