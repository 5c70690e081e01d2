import { describe, expect, it } from '@jest/globals';
import { isQuestionVisible, visibleQuestions } from './survey-visibility.js';
import type { SurveyQuestion } from './survey.types.js';

const questions: SurveyQuestion[] = [
  { key: 'overall', type: 'rating', factor: null, title: '总体', required: true },
  {
    key: 'problems',
    type: 'multi_choice',
    title: '哪里不满意',
    required: true,
    showIf: { question: 'overall', anyOf: [1, 2] },
    options: [
      { value: 'late', label: '交车延期' },
      { value: 'price', label: '价格' },
    ],
  },
  {
    key: 'late_told',
    type: 'single_choice',
    title: '延期是否提前告知',
    required: true,
    showIf: { question: 'problems', anyOf: ['late'] },
    options: [
      { value: 'yes', label: '是' },
      { value: 'no', label: '否' },
    ],
  },
  { key: 'nps', type: 'nps', title: '推荐', required: true },
  {
    key: 'why',
    type: 'text',
    title: '为什么不推荐',
    required: false,
    maxLength: 200,
    showIf: { question: 'nps', anyOf: [0, 1, 2, 3, 4, 5, 6] },
  },
];
const keys = (answers: Record<string, unknown>) =>
  visibleQuestions(questions, answers as never).map((question) => question.key);

describe('visibleQuestions', () => {
  it('shows unconditional questions only when nothing is answered', () => {
    expect(keys({})).toEqual(['overall', 'nps']);
  });

  it('shows a question when the earlier answer is one of anyOf', () => {
    expect(keys({ overall: 2 })).toEqual(['overall', 'problems', 'nps']);
    expect(keys({ overall: 3 })).toEqual(['overall', 'nps']);
    expect(keys({ nps: 6 })).toEqual(['overall', 'nps', 'why']);
    expect(keys({ nps: 0 })).toEqual(['overall', 'nps', 'why']);
    expect(keys({ nps: 7 })).toEqual(['overall', 'nps']);
  });

  it('matches a multi-choice condition when any selected option is listed', () => {
    expect(keys({ overall: 1, problems: ['price', 'late'] })).toEqual([
      'overall',
      'problems',
      'late_told',
      'nps',
    ]);
    expect(keys({ overall: 1, problems: ['price'] })).toEqual(['overall', 'problems', 'nps']);
    expect(keys({ overall: 1, problems: [] })).toEqual(['overall', 'problems', 'nps']);
  });

  it('hides a question whose condition question is hidden, even if that one still has an answer', () => {
    // The customer first gave 1 star and ticked "late", then changed to 5 stars.
    expect(keys({ overall: 5, problems: ['late'], late_told: 'no' })).toEqual(['overall', 'nps']);
  });

  it('compares values strictly: "1" is not 1', () => {
    expect(keys({ overall: '1' })).toEqual(['overall', 'nps']);
  });
});

describe('isQuestionVisible', () => {
  it('answers for one question', () => {
    expect(isQuestionVisible(questions, questions[2]!, { overall: 2, problems: ['late'] })).toBe(true);
    expect(isQuestionVisible(questions, questions[2]!, { overall: 4, problems: ['late'] })).toBe(false);
    expect(isQuestionVisible(questions, questions[0]!, {})).toBe(true);
  });

  it('hides a question whose condition refers to nothing or loops (invalid templates)', () => {
    const orphan: SurveyQuestion = {
      key: 'orphan',
      type: 'nps',
      title: '孤立',
      required: true,
      showIf: { question: 'gone', anyOf: [1] },
    };
    expect(isQuestionVisible([...questions, orphan], orphan, { gone: 1 })).toBe(false);
    const a: SurveyQuestion = {
      key: 'a',
      type: 'nps',
      title: 'A',
      required: true,
      showIf: { question: 'b', anyOf: [1] },
    };
    const b: SurveyQuestion = {
      key: 'b',
      type: 'nps',
      title: 'B',
      required: true,
      showIf: { question: 'a', anyOf: [1] },
    };
    expect(visibleQuestions([a, b], { a: 1, b: 1 })).toEqual([]);
  });
});
