import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { countAnswered, validateAnswers } from './survey-answers.js';
import { DEFAULT_SURVEY_TEMPLATES } from './survey-defaults.js';
import { visibleQuestions } from './survey-visibility.js';
import { SURVEY_KINDS, type SurveyAnswers, type SurveyQuestion } from './survey.types.js';

const questions: SurveyQuestion[] = [
  { key: 'car', type: 'rating', factor: 'before', title: '车辆', required: true },
  {
    key: 'overall',
    type: 'rating',
    factor: null,
    measure: 'overall_satisfaction',
    title: '总体',
    required: true,
  },
  {
    key: 'problems',
    type: 'multi_choice',
    title: '哪里不满意',
    required: true,
    showIf: { question: 'overall', anyOf: [1, 2] },
    options: [
      { value: 'car', label: '车辆' },
      { value: 'route', label: '路线' },
      { value: 'other', label: '其他' },
    ],
  },
  { key: 'nps', type: 'nps', title: '推荐', required: true },
  {
    key: 'intent',
    type: 'single_choice',
    title: '购车打算',
    required: true,
    options: [
      { value: 'soon', label: '近期' },
      { value: 'later', label: '以后' },
    ],
  },
  { key: 'comment', type: 'text', title: '意见', required: false, maxLength: 10 },
];

const complete = { car: 4, overall: 5, nps: 9, intent: 'soon' };

describe('validateAnswers', () => {
  it('accepts complete answers in final mode and returns them in template order', () => {
    expect(validateAnswers(questions, { intent: 'soon', nps: 9, overall: 5, car: 4 }, 'final')).toEqual({
      ok: true,
      answers: complete,
    });
  });

  it('accepts any valid subset while saving progress, but not in final mode', () => {
    expect(validateAnswers(questions, { car: 3 }, 'progress')).toEqual({ ok: true, answers: { car: 3 } });
    expect(validateAnswers(questions, {}, 'progress')).toEqual({ ok: true, answers: {} });
    expect(validateAnswers(questions, { car: 3 }, 'final')).toEqual({
      ok: false,
      errors: { overall: '请回答此题', nps: '请回答此题', intent: '请回答此题' },
    });
  });

  it('requires a required conditional question only when it is shown', () => {
    expect(validateAnswers(questions, { ...complete, overall: 2 }, 'final')).toEqual({
      ok: false,
      errors: { problems: '请回答此题' },
    });
    expect(validateAnswers(questions, { ...complete, overall: 2, problems: ['route'] }, 'final')).toEqual({
      ok: true,
      answers: { car: 4, overall: 2, problems: ['route'], nps: 9, intent: 'soon' },
    });
  });

  it('drops answers to hidden questions', () => {
    // Ticked a problem after 2 stars, then changed to 4 stars: the problem no longer counts.
    expect(validateAnswers(questions, { ...complete, overall: 4, problems: ['car'] }, 'final')).toEqual({
      ok: true,
      answers: { ...complete, overall: 4 },
    });
  });

  it('refuses unknown keys', () => {
    expect(validateAnswers(questions, { ...complete, colour: 'red' }, 'progress')).toEqual({
      ok: false,
      errors: { colour: '问卷中没有这道题' },
    });
  });

  it.each([
    ['car', 0, '请选择 1–5 星'],
    ['car', 6, '请选择 1–5 星'],
    ['car', 3.5, '请选择 1–5 星'],
    ['car', '4', '请选择 1–5 星'],
    ['car', Number.NaN, '请选择 1–5 星'],
    ['nps', -1, '请选择 0–10 分'],
    ['nps', 11, '请选择 0–10 分'],
    ['nps', 7.5, '请选择 0–10 分'],
    ['nps', [9], '请选择 0–10 分'],
    ['intent', 'never', '请选择一个有效选项'],
    ['intent', ['soon'], '请选择一个有效选项'],
    ['intent', 1, '请选择一个有效选项'],
    ['problems', 'car', '请选择有效选项'],
    ['problems', ['car', 'price'], '请选择有效选项'],
    ['problems', ['car', 1], '请选择有效选项'],
    ['problems', ['car', 'car'], '选项重复'],
    ['comment', 42, '请填写文字'],
    ['comment', ['好'], '请填写文字'],
    ['comment', '一二三四五六七八九十一', '最多 10 个字'],
  ])('refuses %s = %j: %s', (key, value, message) => {
    const answers = { ...complete, overall: 1, problems: ['car'], [key]: value };
    expect(validateAnswers(questions, answers, 'progress')).toEqual({
      ok: false,
      errors: { [key]: message },
    });
  });

  it('reports every bad answer at once', () => {
    expect(validateAnswers(questions, { car: 9, nps: 'ten', what: 1 }, 'final')).toEqual({
      ok: false,
      errors: { car: '请选择 1–5 星', nps: '请选择 0–10 分', what: '问卷中没有这道题' },
    });
  });

  it('trims text, counts empty text as unanswered and counts characters, not UTF-16 units', () => {
    expect(validateAnswers(questions, { ...complete, comment: '  很好！ ' }, 'final')).toEqual({
      ok: true,
      answers: { ...complete, comment: '很好！' },
    });
    expect(validateAnswers(questions, { ...complete, comment: '   ' }, 'final')).toEqual({
      ok: true,
      answers: complete,
    });
    // Ten emoji are ten characters (twenty UTF-16 units).
    expect(validateAnswers(questions, { comment: '👍'.repeat(10) }, 'progress').ok).toBe(true);
  });

  it('stores multi-choice in option order and treats nothing selected or null as unanswered', () => {
    expect(validateAnswers(questions, { overall: 1, problems: ['other', 'car'] }, 'progress')).toEqual({
      ok: true,
      answers: { overall: 1, problems: ['car', 'other'] },
    });
    expect(validateAnswers(questions, { overall: 1, problems: [] }, 'progress')).toEqual({
      ok: true,
      answers: { overall: 1 },
    });
    expect(validateAnswers(questions, { ...complete, overall: 1, problems: [] }, 'final')).toEqual({
      ok: false,
      errors: { problems: '请回答此题' },
    });
    expect(validateAnswers(questions, { car: null }, 'progress')).toEqual({ ok: true, answers: {} });
  });

  it('refuses a body that is not an answers object', () => {
    for (const body of [null, undefined, [], 'answers', 3]) {
      expect(validateAnswers(questions, body, 'progress')).toEqual({
        ok: false,
        errors: { answers: '答案格式不正确' },
      });
    }
  });

  it('is not fooled by keys like constructor or __proto__', () => {
    const tricky: SurveyQuestion[] = [
      { key: 'constructor', type: 'text', title: '陷阱', required: true, maxLength: 10 },
    ];
    // Object.prototype.constructor is not an answer.
    expect(validateAnswers(tricky, {}, 'final')).toEqual({
      ok: false,
      errors: { constructor: '请回答此题' },
    });
    const parsed = JSON.parse('{"__proto__": 1}') as unknown;
    const result = validateAnswers(questions, parsed, 'progress');
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors)).toEqual(['__proto__']);
  });

  describe('properties', () => {
    /** Anything a client might send for a question: valid values and junk. */
    const anyValue = fc.oneof(
      fc.integer({ min: -2, max: 12 }),
      fc.constantFrom('car', 'route', 'other', 'soon', 'later', 'x', '  ', '好'),
      fc.subarray(['car', 'route', 'other']),
      fc.constant(null),
    );
    const anyAnswers = fc.dictionary(
      fc.constantFrom('car', 'overall', 'problems', 'nps', 'intent', 'comment'),
      anyValue,
    );

    it("final 'ok' means every visible required question is answered and nothing hidden is kept", () => {
      fc.assert(
        fc.property(anyAnswers, (answers) => {
          const result = validateAnswers(questions, answers, 'final');
          if (!result.ok) return;
          const shown = visibleQuestions(questions, result.answers);
          for (const question of shown)
            if (question.required) expect(result.answers[question.key]).toBeDefined();
          const shownKeys = new Set(shown.map((question) => question.key));
          for (const key of Object.keys(result.answers)) expect(shownKeys.has(key)).toBe(true);
          // Cleaning is stable: validating the result again gives it back.
          expect(validateAnswers(questions, result.answers, 'final')).toEqual(result);
        }),
        { numRuns: 1000 },
      );
    });

    it('a valid progress save counts no more answered questions than are shown', () => {
      fc.assert(
        fc.property(anyAnswers, (answers) => {
          const result = validateAnswers(questions, answers, 'progress');
          if (!result.ok) return;
          const count = countAnswered(questions, result.answers);
          expect(count).toBe(Object.keys(result.answers).length);
          expect(count).toBeLessThanOrEqual(visibleQuestions(questions, result.answers).length);
        }),
        { numRuns: 500 },
      );
    });

    it('accepts a complete answer to every default template', () => {
      for (const kind of SURVEY_KINDS) {
        const template = DEFAULT_SURVEY_TEMPLATES[kind];
        const answers: SurveyAnswers = {};
        for (const question of template.questions) {
          if (question.type === 'rating') answers[question.key] = 2;
          else if (question.type === 'nps') answers[question.key] = 5;
          else if (question.type === 'single_choice') answers[question.key] = question.options[0]!.value;
          else if (question.type === 'multi_choice') answers[question.key] = [question.options[0]!.value];
          else answers[question.key] = '还可以';
        }
        const result = validateAnswers(template.questions, answers, 'final');
        expect(result).toEqual({ ok: true, answers });
      }
    });
  });
});

describe('countAnswered', () => {
  it('counts the answered questions that are shown', () => {
    expect(countAnswered(questions, {})).toBe(0);
    expect(countAnswered(questions, complete)).toBe(4);
    // A hidden answer does not count; an empty text or selection does not either.
    expect(countAnswered(questions, { ...complete, problems: ['car'], comment: ' ' })).toBe(4);
    expect(countAnswered(questions, { ...complete, overall: 2, problems: ['car'], comment: '好' })).toBe(6);
    expect(countAnswered(questions, { ...complete, overall: 2, problems: [] })).toBe(4);
  });
});
