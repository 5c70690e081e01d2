import { ApiError } from '@dealer-care/api-client';
import { ErrorCode, type FollowUpTaskView, type RecordFollowUpOutcomeRequest } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { task } from './fixtures';
import {
  OUTCOME_BUTTONS,
  OutcomeGuard,
  asksIntent,
  buildOutcome,
  outcomeDoneText,
  sendOutcome,
  type OutcomeClient,
} from './outcome';

const now = new Date('2026-11-20T06:00:00.000Z');

describe('buttons', () => {
  it('offers the four one-tap outcomes in order', () => {
    expect(OUTCOME_BUTTONS.map((b) => b.label)).toEqual([
      '已接通并确认',
      '未接通',
      '约定时间再联系',
      '客户投诉升级',
    ]);
  });

  it('asks the intent on test-drive and prospect calls, not on delivery calls', () => {
    expect(asksIntent('test_drive_next_day_call')).toBe(true);
    expect(asksIntent('prospect_follow_up')).toBe(true);
    expect(asksIntent('delivery_t3_call')).toBe(false);
    expect(asksIntent('complaint_callback')).toBe(false);
  });
});

describe('buildOutcome', () => {
  it('sends a plain confirmation, with a trimmed note when given', () => {
    expect(buildOutcome('reached_confirmed', {}, 'delivery_t3_call', now)).toEqual({
      ok: true,
      body: { outcome: 'reached_confirmed' },
    });
    expect(buildOutcome('reached_confirmed', { note: '  周六到店 ' }, 'delivery_t3_call', now)).toEqual({
      ok: true,
      body: { outcome: 'reached_confirmed', note: '周六到店' },
    });
  });

  it('requires a note for a complaint', () => {
    expect(buildOutcome('complaint_escalated', { note: ' ' }, 'delivery_t1_call', now)).toEqual({
      ok: false,
      field: 'note',
      message: '请在备注中写明客户投诉的内容',
    });
    expect(buildOutcome('complaint_escalated', { note: '交车延误两次' }, 'delivery_t1_call', now)).toEqual({
      ok: true,
      body: { outcome: 'complaint_escalated', note: '交车延误两次' },
    });
  });

  it('requires a future call-back time within 30 days', () => {
    expect(buildOutcome('call_back_at', {}, 'delivery_t3_call', now)).toMatchObject({
      ok: false,
      field: 'callBackAt',
    });
    expect(
      buildOutcome('call_back_at', { callBackAt: '2026-11-20T05:00:00.000Z' }, 'delivery_t3_call', now),
    ).toMatchObject({ ok: false, message: '约定时间需晚于现在' });
    expect(
      buildOutcome('call_back_at', { callBackAt: '2027-01-20T05:00:00.000Z' }, 'delivery_t3_call', now),
    ).toMatchObject({ ok: false, message: '约定时间需在 30 天之内' });
    expect(
      buildOutcome('call_back_at', { callBackAt: '2026-11-21T02:00:00+08:00' }, 'delivery_t3_call', now),
    ).toEqual({ ok: true, body: { outcome: 'call_back_at', callBackAt: '2026-11-20T18:00:00.000Z' } });
  });

  it('sends the intent only on calls that ask it and only when the customer answered', () => {
    const values = { intentLevel: 'H' as const };
    expect(buildOutcome('reached_confirmed', values, 'test_drive_next_day_call', now)).toEqual({
      ok: true,
      body: { outcome: 'reached_confirmed', intentLevel: 'H' },
    });
    expect(buildOutcome('not_reached', values, 'test_drive_next_day_call', now)).toEqual({
      ok: true,
      body: { outcome: 'not_reached' },
    });
    expect(buildOutcome('reached_confirmed', values, 'delivery_t3_call', now)).toEqual({
      ok: true,
      body: { outcome: 'reached_confirmed' },
    });
  });

  it('refuses a note over 500 characters', () => {
    expect(buildOutcome('not_reached', { note: '字'.repeat(501) }, 'delivery_t3_call', now)).toMatchObject({
      ok: false,
      field: 'note',
    });
  });
});

describe('outcomeDoneText', () => {
  it('says what happened, the third miss included', () => {
    expect(outcomeDoneText('reached_confirmed', task({ status: 'done' }))).toBe(
      '已记录：已接通并确认，任务完成',
    );
    expect(outcomeDoneText('not_reached', task({ attempts: 1 }))).toBe('已记录：未接通（第 1 次），稍后再试');
    expect(outcomeDoneText('not_reached', task({ status: 'done', attempts: 3 }))).toBe(
      '已记录：未接通（已尝试 3 次，任务关闭）',
    );
  });
});

/** A client whose answer the test settles by hand, recording every call. */
function controlledClient() {
  const calls: Array<[number, RecordFollowUpOutcomeRequest]> = [];
  let settle: { resolve: (t: FollowUpTaskView) => void; reject: (e: unknown) => void } | null = null;
  const client: OutcomeClient = {
    recordOutcome: (id, body) => {
      calls.push([id, body]);
      return new Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
  };
  return {
    client,
    calls,
    resolve: (t: FollowUpTaskView) => settle!.resolve(t),
    reject: (e: unknown) => settle!.reject(e),
  };
}

describe('sendOutcome', () => {
  it('sends a double click once', async () => {
    const { client, calls, resolve } = controlledClient();
    const guard = new OutcomeGuard();
    const first = sendOutcome(client, guard, 12, { outcome: 'reached_confirmed' });
    const second = sendOutcome(client, guard, 12, { outcome: 'reached_confirmed' });
    expect(await second).toEqual({ kind: 'busy' });
    expect(guard.isLocked(12)).toBe(true);
    resolve(task({ status: 'done', outcome: 'reached_confirmed' }));
    expect(await first).toMatchObject({ kind: 'done', text: '已记录：已接通并确认，任务完成' });
    expect(calls).toEqual([[12, { outcome: 'reached_confirmed' }]]);
    // Unlocked again once answered.
    expect(guard.isLocked(12)).toBe(false);
  });

  it('lets another task be recorded meanwhile', async () => {
    const { client, calls } = controlledClient();
    const guard = new OutcomeGuard();
    void sendOutcome(client, guard, 12, { outcome: 'not_reached' });
    void sendOutcome(client, guard, 13, { outcome: 'not_reached' });
    expect(calls.map((c) => c[0])).toEqual([12, 13]);
  });

  it('turns a 409 into a stale answer with the server sentence, and unlocks', async () => {
    const { client, reject } = controlledClient();
    const guard = new OutcomeGuard();
    const sent = sendOutcome(client, guard, 12, { outcome: 'reached_confirmed' });
    reject(
      new ApiError({
        type: 'about:blank',
        title: '该任务已处理',
        status: 409,
        code: ErrorCode.Conflict,
      }),
    );
    expect(await sent).toEqual({ kind: 'stale', text: '该任务已处理' });
    expect(guard.isLocked(12)).toBe(false);
  });

  it('reports other failures as failed', async () => {
    const { client, reject } = controlledClient();
    const sent = sendOutcome(client, new OutcomeGuard(), 12, { outcome: 'not_reached' });
    reject(ApiError.fromStatus(503));
    expect((await sent).kind).toBe('failed');
  });
});
