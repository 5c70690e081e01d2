import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { ApiError } from '@dealer-care/api-client';
import { ErrorCode, problemType, type SurveyForm, type SurveyQuestion } from '@dealer-care/domain';
import {
  DRAFT_MAX_AGE_MS,
  firstErrorKey,
  isAnswered,
  needsSync,
  nextQuestionKey,
  NOT_FOUND_TEXT,
  openFailure,
  parseDrafts,
  previousQuestionKey,
  progressOf,
  pruneDrafts,
  resolveCurrent,
  restoreAnswers,
  textLength,
  toggleOption,
  withAnswer,
  type SurveyDraft,
} from './survey-form';

const questions: SurveyQuestion[] = [
  { key: 'overall', type: 'rating', title: '整体满意度', required: true, factor: null },
  {
    key: 'problems',
    type: 'multi_choice',
    title: '哪里不满意？',
    required: true,
    options: [
      { value: 'wait', label: '等待太久' },
      { value: 'explain', label: '讲解不清' },
      { value: 'car', label: '车辆状况' },
    ],
    showIf: { question: 'overall', anyOf: [1, 2] },
  },
  { key: 'nps', type: 'nps', title: '推荐意愿', required: true },
  { key: 'comment', type: 'text', title: '其他意见', required: false, maxLength: 200 },
];
const [overall, problems, nps, comment] = questions as [
  SurveyQuestion,
  SurveyQuestion,
  SurveyQuestion,
  SurveyQuestion,
];
/** What the domain's visibleQuestions gives for a happy customer (problems hidden). */
const happy = [overall, nps, comment];
/** …and for an unhappy one. */
const unhappy = [overall, problems, nps, comment];

const T0 = Date.parse('2026-11-23T08:00:00Z');

function form(token: string, expiresAt = '2026-12-07T08:00:00Z'): SurveyForm {
  return {
    token,
    kind: 'test_drive_feedback',
    subject: '试驾 云岚',
    storeName: '星河汽车城店',
    consultantName: '陈晓明',
    status: 'opened',
    template: { id: 1, version: 1, title: '试乘试驾意见表', intro: '', thanks: '谢谢', questions },
    answers: {},
    expiresAt,
    completedAt: null,
  };
}

function draft(partial: Partial<SurveyDraft> & { token: string }): SurveyDraft {
  return { answers: {}, currentKey: null, dirty: false, savedAt: T0, form: null, ...partial };
}

describe('withAnswer', () => {
  it('sets, replaces and removes answers without touching the original', () => {
    const start = { overall: 2 };
    assert.deepEqual(withAnswer(start, 'nps', 8), { overall: 2, nps: 8 });
    assert.deepEqual(withAnswer(start, 'overall', 5), { overall: 5 });
    assert.deepEqual(withAnswer(start, 'overall', undefined), {});
    assert.deepEqual(withAnswer({ comment: 'x' }, 'comment', ''), {});
    assert.deepEqual(withAnswer({ problems: ['wait'] }, 'problems', []), {});
    assert.deepEqual(start, { overall: 2 });
  });

  it('keeps a zero (an NPS of 0 is an answer)', () => {
    assert.deepEqual(withAnswer({}, 'nps', 0), { nps: 0 });
  });
});

describe('toggleOption', () => {
  const order = ['wait', 'explain', 'car'];
  it('ticks and unticks, in the template order', () => {
    assert.deepEqual(toggleOption(undefined, 'car', order), ['car']);
    assert.deepEqual(toggleOption(['car'], 'wait', order), ['wait', 'car']);
    assert.deepEqual(toggleOption(['wait', 'car'], 'wait', order), ['car']);
    assert.deepEqual(toggleOption('wait', 'explain', order), ['explain']);
  });
});

describe('isAnswered and textLength', () => {
  it('does not count blank text or an empty selection', () => {
    assert.equal(isAnswered(comment, { comment: '   ' }), false);
    assert.equal(isAnswered(comment, { comment: ' 好 ' }), true);
    assert.equal(isAnswered(problems, { problems: [] }), false);
    assert.equal(isAnswered(nps, { nps: 0 }), true);
    assert.equal(isAnswered(nps, {}), false);
  });

  it('counts characters as the server does (an emoji is one)', () => {
    assert.equal(textLength('服务很好👍'), 5);
    assert.equal(textLength(''), 0);
  });
});

describe('moving between visible questions', () => {
  it('goes forward and back over the visible questions only', () => {
    assert.equal(nextQuestionKey(happy, 'overall'), 'nps');
    assert.equal(nextQuestionKey(unhappy, 'overall'), 'problems');
    assert.equal(nextQuestionKey(happy, 'comment'), null);
    assert.equal(previousQuestionKey(happy, 'nps'), 'overall');
    assert.equal(previousQuestionKey(happy, 'overall'), null);
    assert.equal(nextQuestionKey(happy, 'unknown'), null);
  });

  it('stays on the current question, or moves on when an answer hid it', () => {
    assert.equal(resolveCurrent(questions, unhappy, 'problems')?.key, 'problems');
    // Back on overall, the customer changes 1 star to 5: problems disappears, the next one shows.
    assert.equal(resolveCurrent(questions, happy, 'problems')?.key, 'nps');
    assert.equal(resolveCurrent(questions, happy, null)?.key, 'overall');
    assert.equal(resolveCurrent(questions, happy, 'gone')?.key, 'overall');
    assert.equal(resolveCurrent(questions, [], 'overall'), null);
    assert.equal(resolveCurrent(questions, [overall, problems], 'comment')?.key, 'problems');
  });

  it('reports the position for the progress bar', () => {
    assert.deepEqual(progressOf(happy, 'nps'), { current: 2, total: 3, percent: 67 });
    assert.deepEqual(progressOf(unhappy, 'comment'), { current: 4, total: 4, percent: 100 });
    assert.deepEqual(progressOf(happy, null), { current: 0, total: 3, percent: 0 });
    assert.deepEqual(progressOf([], null), { current: 0, total: 0, percent: 0 });
  });

  it('finds the first question with an error, in the order shown', () => {
    assert.equal(firstErrorKey(unhappy, { nps: '请回答此题', problems: '请回答此题' }), 'problems');
    assert.equal(firstErrorKey(unhappy, { answers: '答案格式不正确' }), null);
  });
});

describe('the local draft', () => {
  it('unsent answers on the phone win over the server copy; synced ones give way to it', () => {
    const server = { overall: 4 };
    assert.deepEqual(restoreAnswers(server, null), server);
    assert.deepEqual(
      restoreAnswers(server, draft({ token: 't', answers: { overall: 2, problems: ['wait'] }, dirty: true })),
      { overall: 2, problems: ['wait'] },
    );
    assert.deepEqual(
      restoreAnswers(server, draft({ token: 't', answers: { overall: 2 }, dirty: false })),
      server,
    );
  });

  it('needs a sync only for unsent answers', () => {
    assert.equal(needsSync(null), false);
    assert.equal(needsSync(draft({ token: 't', answers: { nps: 1 }, dirty: true })), true);
    assert.equal(needsSync(draft({ token: 't', answers: { nps: 1 }, dirty: false })), false);
    assert.equal(needsSync(draft({ token: 't', answers: {}, dirty: true })), false);
  });

  it('forgets drafts of expired surveys and month-old ones', () => {
    const drafts = {
      live: draft({ token: 'live', form: form('live') }),
      expired: draft({ token: 'expired', form: form('expired', '2026-11-01T00:00:00Z') }),
      old: draft({ token: 'old', savedAt: T0 - DRAFT_MAX_AGE_MS - 1 }),
      noForm: draft({ token: 'noForm' }),
    };
    assert.deepEqual(Object.keys(pruneDrafts(drafts, T0)), ['live', 'noForm']);
  });

  it('reads back what was stored and leaves out anything malformed', () => {
    const stored = {
      t: draft({ token: 't', answers: { nps: 3 }, currentKey: 'nps', dirty: true, form: form('t') }),
    };
    assert.deepEqual(parseDrafts(JSON.parse(JSON.stringify(stored))), stored);
    assert.deepEqual(
      parseDrafts({
        a: { token: 'b', answers: {} },
        c: { token: 'c', answers: [] },
        d: null,
      }),
      {},
    );
    // A form of another token is dropped, the answers kept.
    const mixed = parseDrafts({ t: { token: 't', answers: { nps: 1 }, form: form('u') } });
    assert.equal(mixed.t?.form, null);
    assert.deepEqual(mixed.t?.answers, { nps: 1 });
    assert.equal(parseDrafts('').constructor, Object);
  });
});

describe('openFailure', () => {
  const problem = (status: number, code: ErrorCode, detail?: string) =>
    new ApiError({ type: problemType(code), title: `标题 ${status}`, status, code, detail });

  it("shows the expired screen for a 409 (the API's answer for an expired survey)", () => {
    assert.deepEqual(openFailure(problem(409, ErrorCode.Conflict, '问卷已过期')), { kind: 'expired' });
  });

  it("keeps a 404 (wrong token, another customer's) and other refusals on the error screen, without retry", () => {
    assert.deepEqual(openFailure(problem(404, ErrorCode.NotFound, '问卷不存在')), {
      kind: 'error',
      message: NOT_FOUND_TEXT,
    });
    assert.deepEqual(openFailure(problem(403, ErrorCode.Forbidden, '无权访问')), {
      kind: 'error',
      message: '无权访问',
    });
  });

  it('asks for a login on 401 and falls back to the phone on no answer or a 5xx', () => {
    assert.deepEqual(openFailure(problem(401, ErrorCode.Unauthenticated)), { kind: 'login' });
    assert.equal(openFailure(ApiError.network(new Error('timeout'))).kind, 'offline');
    assert.equal(openFailure(problem(503, ErrorCode.ServiceUnavailable)).kind, 'offline');
    assert.equal(openFailure(new TypeError('fetch failed')).kind, 'offline');
  });
});
