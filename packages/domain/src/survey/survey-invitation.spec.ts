import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { zonedToUtc } from '../time/zoned-time.js';
import {
  decideInvitationAction,
  decideRelease,
  invitationExpiresAt,
  invitationSendAt,
  isInvitationAnswerable,
  isInvitationUnsent,
  reminderDue,
} from './survey-invitation.js';
import {
  DEFAULT_SURVEY_POLICY as POLICY,
  INVITATION_ACTIONS,
  INVITATION_STATUSES,
  type InvitationAction,
  type InvitationStatus,
} from './survey.types.js';

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('decideInvitationAction', () => {
  /** Every allowed transition; anything not listed is refused. */
  const ALLOWED: Record<InvitationAction, Partial<Record<InvitationStatus, InvitationStatus>>> = {
    release: { scheduled: 'sent', held: 'sent' },
    hold: { scheduled: 'held', held: 'held' },
    drop: { scheduled: 'dropped', held: 'dropped' },
    remind: { sent: 'sent', opened: 'opened', started: 'started' },
    open: { sent: 'opened', opened: 'opened', started: 'started' },
    save_progress: { sent: 'started', opened: 'started', started: 'started' },
    submit: { sent: 'completed', opened: 'completed', started: 'completed' },
    expire: { sent: 'expired', opened: 'expired', started: 'expired' },
  };
  const REFUSAL: Record<InvitationStatus, string> = {
    scheduled: '问卷尚未发送',
    held: '问卷尚未发送',
    sent: '问卷已发送',
    opened: '问卷已发送',
    started: '问卷已发送',
    completed: '问卷已提交',
    expired: '问卷已过期',
    dropped: '问卷已取消发送',
  };
  const cases = INVITATION_ACTIONS.flatMap((action) =>
    INVITATION_STATUSES.map((status) => [status, action] as const),
  );

  it('covers all 64 status × action pairs', () => {
    expect(cases).toHaveLength(64);
  });

  it.each(cases)('%s + %s', (status, action) => {
    const next = ALLOWED[action][status];
    expect(decideInvitationAction(status, action)).toEqual(
      next ? { allowed: true, next } : { allowed: false, reason: REFUSAL[status] },
    );
  });

  it('refuses answering twice and answering after expiry, in words the customer understands', () => {
    expect(decideInvitationAction('completed', 'submit')).toEqual({ allowed: false, reason: '问卷已提交' });
    expect(decideInvitationAction('completed', 'save_progress')).toEqual({
      allowed: false,
      reason: '问卷已提交',
    });
    expect(decideInvitationAction('expired', 'submit')).toEqual({ allowed: false, reason: '问卷已过期' });
    expect(decideInvitationAction('expired', 'open')).toEqual({ allowed: false, reason: '问卷已过期' });
  });

  it('says which statuses are answerable and which are still unsent', () => {
    expect(INVITATION_STATUSES.filter(isInvitationAnswerable)).toEqual(['sent', 'opened', 'started']);
    expect(INVITATION_STATUSES.filter(isInvitationUnsent)).toEqual(['scheduled', 'held']);
  });
});

describe('invitationSendAt', () => {
  it('sends the test-drive form at once and a service survey two hours after the event', () => {
    const eventAt = at('2026-11-24T06:15:00Z'); // 14:15 in Shanghai
    expect(invitationSendAt('test_drive_completed', eventAt, TZ, POLICY)).toEqual(eventAt);
    expect(invitationSendAt('service_completed', eventAt, TZ, POLICY)).toEqual(at('2026-11-24T08:15:00Z'));
  });

  it('sends a delivery survey the next store-local day at 10:00', () => {
    // Delivered 24 Nov 15:00 Shanghai (07:00 UTC) → 25 Nov 10:00 Shanghai = 02:00 UTC.
    expect(invitationSendAt('order_delivered', at('2026-11-24T07:00:00Z'), TZ, POLICY)).toEqual(
      at('2026-11-25T02:00:00Z'),
    );
  });

  it('uses the store-local date, not the UTC date, around midnight', () => {
    // 23:30 on 24 Nov in Shanghai = 15:30 UTC on 24 Nov → next local day 25 Nov, 10:00 local.
    const lateEvening = zonedToUtc('2026-11-24', '23:30', TZ);
    expect(lateEvening).toEqual(at('2026-11-24T15:30:00Z'));
    expect(invitationSendAt('order_delivered', lateEvening, TZ, POLICY)).toEqual(at('2026-11-25T02:00:00Z'));
    // 00:30 on 25 Nov in Shanghai = 16:30 UTC on 24 Nov (still the 24th in UTC!) → 26 Nov, 10:00 local.
    const afterMidnight = zonedToUtc('2026-11-25', '00:30', TZ);
    expect(afterMidnight).toEqual(at('2026-11-24T16:30:00Z'));
    expect(invitationSendAt('order_delivered', afterMidnight, TZ, POLICY)).toEqual(
      at('2026-11-26T02:00:00Z'),
    );
  });

  it('crosses months and years, and follows the policy time', () => {
    const newYearsEve = zonedToUtc('2026-12-31', '18:00', TZ);
    expect(invitationSendAt('prospect_lost', newYearsEve, TZ, POLICY)).toEqual(at('2027-01-01T02:00:00Z'));
    const policy = { ...POLICY, deliverySendTime: '19:30' };
    expect(invitationSendAt('order_delivered', newYearsEve, TZ, policy)).toEqual(at('2027-01-01T11:30:00Z'));
  });

  it('follows the store zone, including its daylight-saving changes', () => {
    // New York: delivered 7 Mar 2026 20:00 EST; next day 8 Mar is the spring-forward day (EDT, UTC−4).
    const eventAt = zonedToUtc('2026-03-07', '20:00', 'America/New_York');
    expect(invitationSendAt('order_delivered', eventAt, 'America/New_York', POLICY)).toEqual(
      at('2026-03-08T14:00:00Z'),
    );
  });

  it('does not depend on the server time zone', () => {
    // Jest's sandbox cannot switch process.env.TZ, so the same midnight cases are checked for
    // stores on opposite sides of UTC: an implementation that read the server's local (or UTC)
    // date would get one of them wrong whatever zone the server is in. (Also verified by running
    // the suite under TZ=UTC, America/Los_Angeles, Asia/Shanghai and Pacific/Kiritimati.)
    const LA = 'America/Los_Angeles';
    // 23:30 on 24 Nov in Los Angeles (PST, UTC−8) = 07:30 UTC on 25 Nov → 25 Nov 10:00 PST = 18:00 UTC.
    expect(invitationSendAt('order_delivered', zonedToUtc('2026-11-24', '23:30', LA), LA, POLICY)).toEqual(
      at('2026-11-25T18:00:00Z'),
    );
    // 00:30 on 25 Nov in Los Angeles = 08:30 UTC on 25 Nov → 26 Nov 10:00 PST = 18:00 UTC.
    expect(invitationSendAt('order_delivered', zonedToUtc('2026-11-25', '00:30', LA), LA, POLICY)).toEqual(
      at('2026-11-26T18:00:00Z'),
    );
    // One instant, two stores: 16:30 UTC on 24 Nov is 00:30 on the 25th in Shanghai and 08:30 on the 24th in LA.
    const instant = at('2026-11-24T16:30:00Z');
    expect(invitationSendAt('order_delivered', instant, TZ, POLICY)).toEqual(at('2026-11-26T02:00:00Z'));
    expect(invitationSendAt('order_delivered', instant, LA, POLICY)).toEqual(at('2026-11-25T18:00:00Z'));
  });

  it('never sends a next-day survey before the event or more than two days after (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'Europe/Berlin', 'America/New_York'),
        (minute, zone) => {
          const eventAt = new Date(minute * 60_000);
          const sendAt = invitationSendAt('order_delivered', eventAt, zone, POLICY);
          expect(sendAt.getTime()).toBeGreaterThan(eventAt.getTime());
          expect(sendAt.getTime() - eventAt.getTime()).toBeLessThanOrEqual(2 * DAY);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decideRelease', () => {
  const sendAt = at('2026-11-25T02:00:00Z');
  const base = {
    now: sendAt,
    sendAt,
    customerLinked: true,
    lastSurveySentAt: null,
    hasOpenComplaint: false,
    policy: POLICY,
  };

  it('waits until the send time', () => {
    expect(decideRelease({ ...base, now: plus(sendAt, -1) })).toEqual({ kind: 'wait' });
    // Even a blocked invitation just waits before its time.
    expect(decideRelease({ ...base, now: plus(sendAt, -HOUR), customerLinked: false })).toEqual({
      kind: 'wait',
    });
  });

  it('sends at the send time when nothing blocks it', () => {
    expect(decideRelease(base)).toEqual({ kind: 'send' });
    expect(decideRelease({ ...base, now: plus(sendAt, 3 * DAY) })).toEqual({ kind: 'send' });
  });

  it('holds a customer without WeChat, retrying in a day', () => {
    const now = plus(sendAt, 5 * 60_000);
    expect(decideRelease({ ...base, now, customerLinked: false })).toEqual({
      kind: 'hold',
      reason: 'no_wechat_customer',
      retryAt: plus(now, DAY),
    });
  });

  it('holds while a complaint is open, retrying in a day', () => {
    expect(decideRelease({ ...base, hasOpenComplaint: true })).toEqual({
      kind: 'hold',
      reason: 'open_complaint',
      retryAt: plus(sendAt, DAY),
    });
  });

  it('holds within the contact gap until it ends, and sends from the moment it ends', () => {
    // Last survey 3 days before: the 7-day gap ends 4 days after sendAt.
    const lastSurveySentAt = plus(sendAt, -3 * DAY);
    expect(decideRelease({ ...base, lastSurveySentAt })).toEqual({
      kind: 'hold',
      reason: 'contact_budget',
      retryAt: plus(sendAt, 4 * DAY),
    });
    expect(decideRelease({ ...base, lastSurveySentAt, now: plus(sendAt, 4 * DAY - 1) })).toMatchObject({
      kind: 'hold',
      reason: 'contact_budget',
    });
    expect(decideRelease({ ...base, lastSurveySentAt, now: plus(sendAt, 4 * DAY) })).toEqual({
      kind: 'send',
    });
    // A survey 7 days or more ago does not block.
    expect(decideRelease({ ...base, lastSurveySentAt: plus(sendAt, -7 * DAY) })).toEqual({ kind: 'send' });
  });

  it('checks no WeChat, then open complaint, then the contact budget', () => {
    const everything = {
      ...base,
      customerLinked: false,
      hasOpenComplaint: true,
      lastSurveySentAt: plus(sendAt, -DAY),
    };
    expect(decideRelease(everything)).toMatchObject({ kind: 'hold', reason: 'no_wechat_customer' });
    expect(decideRelease({ ...everything, customerLinked: true })).toMatchObject({
      kind: 'hold',
      reason: 'open_complaint',
    });
    expect(decideRelease({ ...everything, customerLinked: true, hasOpenComplaint: false })).toMatchObject({
      kind: 'hold',
      reason: 'contact_budget',
    });
  });

  it('drops what is still blocked maxHoldDays after its send time, for any reason', () => {
    const deadline = plus(sendAt, POLICY.maxHoldDays * DAY);
    const blocked = [
      { customerLinked: false },
      { hasOpenComplaint: true },
      { lastSurveySentAt: plus(deadline, -DAY) },
    ];
    for (const block of blocked) {
      expect(decideRelease({ ...base, ...block, now: plus(deadline, -1) }).kind).toBe('hold');
      expect(decideRelease({ ...base, ...block, now: deadline })).toEqual({
        kind: 'drop',
        reason: 'held_too_long',
      });
      expect(decideRelease({ ...base, ...block, now: plus(deadline, DAY) })).toEqual({
        kind: 'drop',
        reason: 'held_too_long',
      });
    }
  });

  it('still sends a late invitation that is no longer blocked', () => {
    expect(decideRelease({ ...base, now: plus(sendAt, 30 * DAY) })).toEqual({ kind: 'send' });
  });
});

describe('invitationExpiresAt and reminderDue', () => {
  const sentAt = at('2026-11-25T02:00:00Z');
  const input = { now: sentAt, sentAt, remindedAt: null, status: 'sent' as InvitationStatus, policy: POLICY };

  it('expires expiryDays after sending', () => {
    expect(invitationExpiresAt(sentAt, POLICY)).toEqual(at('2026-12-09T02:00:00Z'));
    expect(invitationExpiresAt(sentAt, { ...POLICY, expiryDays: 1 })).toEqual(at('2026-11-26T02:00:00Z'));
  });

  it('reminds once, from reminderAfterDays after sending', () => {
    const due = plus(sentAt, 3 * DAY);
    expect(reminderDue({ ...input, now: plus(due, -1) })).toBe(false);
    expect(reminderDue({ ...input, now: due })).toBe(true);
    expect(reminderDue({ ...input, now: due, status: 'opened' })).toBe(true);
    expect(reminderDue({ ...input, now: due, status: 'started' })).toBe(true);
    expect(reminderDue({ ...input, now: due, remindedAt: plus(due, -HOUR) })).toBe(false);
  });

  it('does not remind what is answered, unsent or expired', () => {
    const due = plus(sentAt, 3 * DAY);
    for (const status of ['scheduled', 'held', 'completed', 'expired', 'dropped'] as const) {
      expect(reminderDue({ ...input, now: due, status })).toBe(false);
    }
    expect(reminderDue({ ...input, now: invitationExpiresAt(sentAt, POLICY) })).toBe(false);
  });
});
