import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import type { SurveySubmitted } from '@dealer-care/domain';
import {
  applyOutcome,
  backoffMs,
  BACKOFF_MAX_MS,
  classifySubmitError,
  dueEntries,
  enqueue,
  LOGIN_WAIT_MS,
  nextWakeAt,
  OFFLINE_MESSAGE,
  parseOutbox,
  prune,
  REFUSED_KEEP_AFTER_EXPIRY_MS,
  remove,
  sameAnswers,
  type Outbox,
  type QueueMeta,
} from './survey-outbox';

const T0 = Date.parse('2026-11-23T08:00:00Z');
const meta = (customerId: number | null = 7): QueueMeta => ({
  customerId,
  title: '试乘试驾意见表',
  thanks: '感谢您的评价',
  expiresAt: '2026-12-07T08:00:00Z',
});
const answers = { overall: 4, nps: 9, comment: '很好' };
const submitted: SurveySubmitted = { token: 'a.1.x', completedAt: '2026-11-23T08:00:01Z', thanks: '谢谢' };

/** A problem+json failure as the api-client's ApiError carries it. */
const apiError = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  problem: { type: `about:blank#${code}`, title: `标题 ${status}`, status, code, ...extra },
});

describe('enqueue and remove', () => {
  it('keeps the answers with their owner, due at once', () => {
    const outbox = enqueue({}, 'a.1.x', answers, meta(), T0);
    assert.deepEqual(outbox['a.1.x'], {
      token: 'a.1.x',
      answers,
      customerId: 7,
      title: '试乘试驾意见表',
      thanks: '感谢您的评价',
      expiresAt: '2026-12-07T08:00:00Z',
      queuedAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      state: 'pending',
      lastError: null,
      fieldErrors: {},
    });
  });

  it('a new submission of the same survey replaces a refused one and is due again', () => {
    let outbox = enqueue({}, 'a.1.x', answers, meta(), T0);
    outbox = applyOutcome(
      outbox,
      'a.1.x',
      answers,
      { kind: 'refused', message: '有误', fieldErrors: {} },
      T0,
    );
    const corrected = { ...answers, overall: 5 };
    outbox = enqueue(outbox, 'a.1.x', corrected, meta(), T0 + 1000);
    assert.equal(outbox['a.1.x']?.state, 'pending');
    assert.deepEqual(outbox['a.1.x']?.answers, corrected);
    assert.equal(dueEntries(outbox, 7, T0 + 1000).length, 1);
  });

  it('does not change the outbox it was given', () => {
    const before: Outbox = {};
    enqueue(before, 'a.1.x', answers, meta(), T0);
    assert.deepEqual(before, {});
    const one = enqueue({}, 'a.1.x', answers, meta(), T0);
    assert.deepEqual(Object.keys(remove(one, 'a.1.x')), []);
    assert.equal(remove(one, 'other'), one);
  });
});

describe('backoffMs', () => {
  it('doubles from 2 s and stops at 30 s', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n)),
      [2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000],
    );
    assert.equal(backoffMs(0), 2000);
  });

  it('adds at most 20% jitter', () => {
    assert.equal(backoffMs(1, 0.5), 2200);
    assert.equal(backoffMs(20, 1), BACKOFF_MAX_MS * 1.2);
    assert.equal(backoffMs(1, 7), 2400);
  });
});

describe('classifySubmitError', () => {
  it('treats no answer, a timeout and server failures as worth retrying', () => {
    for (const error of [
      apiError(0, 'network_error'),
      apiError(500, 'internal_error'),
      apiError(502, 'wechat_unavailable'),
      apiError(503, 'service_unavailable'),
      apiError(429, 'too_many_requests'),
      new TypeError('Failed to fetch'),
      undefined,
    ]) {
      assert.deepEqual(classifySubmitError(error), { kind: 'retry', message: OFFLINE_MESSAGE });
    }
  });

  it('waits for a login after a 401', () => {
    assert.equal(classifySubmitError(apiError(401, 'unauthenticated')).kind, 'unauthenticated');
    assert.equal(classifySubmitError(apiError(401, 'token_expired')).kind, 'unauthenticated');
  });

  it('a closed survey (409 expired) ends the submission with the server message', () => {
    assert.deepEqual(classifySubmitError(apiError(409, 'conflict', { detail: '问卷已过期' })), {
      kind: 'closed',
      message: '问卷已过期',
    });
  });

  it('a 400 is refused with its per-question messages', () => {
    const outcome = classifySubmitError(
      apiError(400, 'validation_failed', {
        errors: [
          { field: 'answers.overall', message: '请选择 1–5 星' },
          { field: 'answers.overall', message: '第二条' },
          { field: 'nps', message: '请选择 0–10 分' },
          { field: 'answers', message: '答案格式不正确' },
        ],
      }),
    );
    assert.deepEqual(outcome, {
      kind: 'refused',
      message: '标题 400',
      fieldErrors: { overall: '请选择 1–5 星', nps: '请选择 0–10 分' },
    });
  });

  it('an unknown token (404) is refused, not dropped', () => {
    assert.equal(classifySubmitError(apiError(404, 'not_found')).kind, 'refused');
  });
});

describe('applyOutcome', () => {
  const queued = () => enqueue({}, 'a.1.x', answers, meta(), T0);

  it('removes the entry once the server has the answers', () => {
    assert.deepEqual(applyOutcome(queued(), 'a.1.x', answers, { kind: 'sent', result: submitted }, T0), {});
  });

  it('removes the entry when the survey is closed', () => {
    assert.deepEqual(
      applyOutcome(queued(), 'a.1.x', answers, { kind: 'closed', message: '问卷已过期' }, T0),
      {},
    );
  });

  it('keeps the answers on a network failure and backs off further each time', () => {
    let outbox = queued();
    const retry = { kind: 'retry', message: OFFLINE_MESSAGE } as const;
    outbox = applyOutcome(outbox, 'a.1.x', answers, retry, T0);
    assert.equal(outbox['a.1.x']?.attempts, 1);
    assert.equal(outbox['a.1.x']?.nextAttemptAt, T0 + 2000);
    assert.equal(outbox['a.1.x']?.lastError, OFFLINE_MESSAGE);
    outbox = applyOutcome(outbox, 'a.1.x', answers, retry, T0 + 2000);
    assert.equal(outbox['a.1.x']?.nextAttemptAt, T0 + 2000 + 4000);
    assert.deepEqual(outbox['a.1.x']?.answers, answers);
    assert.equal(outbox['a.1.x']?.state, 'pending');
  });

  it('waits for a login without counting an attempt', () => {
    const outbox = applyOutcome(
      queued(),
      'a.1.x',
      answers,
      { kind: 'unauthenticated', message: '请登录' },
      T0,
    );
    assert.equal(outbox['a.1.x']?.attempts, 0);
    assert.equal(outbox['a.1.x']?.nextAttemptAt, T0 + LOGIN_WAIT_MS);
  });

  it('keeps a refused submission with its messages, no longer due', () => {
    const outbox = applyOutcome(
      queued(),
      'a.1.x',
      answers,
      { kind: 'refused', message: '提交的信息有误', fieldErrors: { overall: '请选择 1–5 星' } },
      T0,
    );
    assert.equal(outbox['a.1.x']?.state, 'refused');
    assert.deepEqual(outbox['a.1.x']?.fieldErrors, { overall: '请选择 1–5 星' });
    assert.deepEqual(dueEntries(outbox, 7, T0 + 10 ** 9, true), []);
    assert.equal(nextWakeAt(outbox, 7), null);
  });

  it('a failure of an older send leaves newer answers alone; a success settles the token anyway', () => {
    const newer = { ...answers, overall: 2 };
    const outbox = enqueue(queued(), 'a.1.x', newer, meta(), T0 + 500);
    const failed = applyOutcome(
      outbox,
      'a.1.x',
      answers,
      { kind: 'retry', message: OFFLINE_MESSAGE },
      T0 + 600,
    );
    assert.equal(failed, outbox);
    assert.deepEqual(
      applyOutcome(outbox, 'a.1.x', answers, { kind: 'sent', result: submitted }, T0 + 600),
      {},
    );
  });

  it('ignores an outcome for a token no longer queued', () => {
    const outbox = queued();
    assert.equal(applyOutcome(outbox, 'b.2.y', answers, { kind: 'sent', result: submitted }, T0), outbox);
  });

  it('a retry never loses an answer: after any number of failures the entry is still there, intact', () => {
    let outbox = queued();
    for (let i = 0; i < 50; i += 1) {
      outbox = applyOutcome(
        outbox,
        'a.1.x',
        answers,
        { kind: 'retry', message: OFFLINE_MESSAGE },
        T0 + i * 1000,
      );
    }
    assert.deepEqual(outbox['a.1.x']?.answers, answers);
    assert.equal(outbox['a.1.x']?.attempts, 50);
  });
});

describe('dueEntries and nextWakeAt', () => {
  it('sends only the logged-in customer’s entries, oldest first, after their backoff', () => {
    let outbox = enqueue({}, 'b.2.y', answers, meta(7), T0 + 10);
    outbox = enqueue(outbox, 'a.1.x', answers, meta(7), T0);
    outbox = enqueue(outbox, 'c.3.z', answers, meta(8), T0);
    outbox = applyOutcome(outbox, 'b.2.y', answers, { kind: 'retry', message: OFFLINE_MESSAGE }, T0 + 10);
    assert.deepEqual(
      dueEntries(outbox, 7, T0 + 20).map((e) => e.token),
      ['a.1.x'],
    );
    assert.deepEqual(
      dueEntries(outbox, 7, T0 + 20, true).map((e) => e.token),
      ['a.1.x', 'b.2.y'],
    );
    assert.deepEqual(
      dueEntries(outbox, 8, T0 + 20).map((e) => e.token),
      ['c.3.z'],
    );
    assert.deepEqual(dueEntries(outbox, null, T0 + 20, true), []);
    assert.equal(nextWakeAt(outbox, 7), T0);
    assert.equal(nextWakeAt(outbox, null), null);
  });

  it('an entry queued without a login goes out with whoever logs in', () => {
    const outbox = enqueue({}, 'a.1.x', answers, meta(null), T0);
    assert.equal(dueEntries(outbox, 3, T0).length, 1);
  });
});

describe('prune', () => {
  it('forgets refused entries a week after expiry, never pending ones', () => {
    let outbox = enqueue({}, 'a.1.x', answers, meta(), T0);
    outbox = enqueue(outbox, 'b.2.y', answers, meta(), T0);
    outbox = applyOutcome(outbox, 'b.2.y', answers, { kind: 'refused', message: 'x', fieldErrors: {} }, T0);
    const expiry = Date.parse('2026-12-07T08:00:00Z');
    assert.deepEqual(Object.keys(prune(outbox, expiry + REFUSED_KEEP_AFTER_EXPIRY_MS)), ['a.1.x', 'b.2.y']);
    assert.deepEqual(Object.keys(prune(outbox, expiry + REFUSED_KEEP_AFTER_EXPIRY_MS + 1)), ['a.1.x']);
    assert.deepEqual(Object.keys(prune(outbox, expiry + 10 * REFUSED_KEEP_AFTER_EXPIRY_MS)), ['a.1.x']);
  });
});

describe('parseOutbox', () => {
  it('reads back what was stored', () => {
    const outbox = enqueue({}, 'a.1.x', answers, meta(), T0);
    assert.deepEqual(parseOutbox(JSON.parse(JSON.stringify(outbox))), outbox);
  });

  it('leaves out anything malformed', () => {
    assert.deepEqual(parseOutbox(null), {});
    assert.deepEqual(parseOutbox(''), {});
    assert.deepEqual(parseOutbox([1, 2]), {});
    assert.deepEqual(
      parseOutbox({
        'a.1.x': { token: 'other', answers: {}, state: 'pending' },
        'b.2.y': { token: 'b.2.y', answers: null, state: 'pending' },
        'c.3.z': { token: 'c.3.z', answers: {}, state: 'sent' },
        'd.4.w': 'text',
      }),
      {},
    );
  });

  it('fills missing fields of an older entry', () => {
    const parsed = parseOutbox({ 'a.1.x': { token: 'a.1.x', answers: { nps: 3 }, state: 'pending' } });
    assert.deepEqual(parsed['a.1.x'], {
      token: 'a.1.x',
      answers: { nps: 3 },
      customerId: null,
      title: '',
      thanks: '',
      expiresAt: null,
      queuedAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
      lastError: null,
      fieldErrors: {},
    });
  });
});

describe('sameAnswers', () => {
  it('compares by value, whatever the key order', () => {
    assert.equal(sameAnswers({ a: 1, b: ['x', 'y'] }, { b: ['x', 'y'], a: 1 }), true);
    assert.equal(sameAnswers({ a: 1, b: ['x', 'y'] }, { a: 1, b: ['y', 'x'] }), false);
    assert.equal(sameAnswers({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(sameAnswers({ a: 'x' }, { a: ['x'] }), false);
  });
});
