import {
  DEFAULT_SURVEY_TEMPLATES,
  validateTemplateContent,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  conditionSources,
  conditionText,
  conditionValues,
  contentOf,
  editorReducer,
  errorsUnder,
  factorShares,
  newQuestion,
  nextKey,
  pathLabel,
  ruleLines,
  sameContent,
  toSavedContent,
  versionsOf,
  type EditorAction,
} from './template-editor';

const base = (): SurveyTemplateContent => structuredClone(DEFAULT_SURVEY_TEMPLATES.test_drive_feedback);
const run = (content: SurveyTemplateContent, ...actions: EditorAction[]) =>
  actions.reduce(editorReducer, content);
const indexOf = (content: SurveyTemplateContent, key: string) =>
  content.questions.findIndex((q) => q.key === key);

describe('the default templates', () => {
  it('pass the domain validation the editor shows', () => {
    for (const content of Object.values(DEFAULT_SURVEY_TEMPLATES))
      expect(validateTemplateContent(content)).toEqual({});
  });
});

describe('keys', () => {
  it('picks the next free key of a prefix', () => {
    expect(nextKey('q', [])).toBe('q_1');
    expect(nextKey('q', ['q_1', 'overall', 'q_7'])).toBe('q_8');
    expect(nextKey('opt', ['opt_1', 'opt_2'])).toBe('opt_3');
  });
});

describe('editorReducer', () => {
  it('edits the texts', () => {
    expect(run(base(), { type: 'text', field: 'title', value: '新标题' }).title).toBe('新标题');
  });

  it('adds a factor and a rating question scored under the first factor', () => {
    const next = run(base(), { type: 'addFactor' }, { type: 'addQuestion', questionType: 'rating' });
    expect(next.factors.at(-1)).toEqual({ key: 'factor_1', label: '', weight: 10 });
    expect(next.questions.at(-1)).toMatchObject({ key: 'q_1', type: 'rating', factor: next.factors[0]!.key });
  });

  it('carries a renamed factor key to its questions, and a removed factor leaves them outside the index', () => {
    const content = base();
    const first = content.factors[0]!.key;
    const renamed = run(content, { type: 'updateFactor', index: 0, patch: { key: 'before_drive' } });
    const scored = (c: SurveyTemplateContent, key: string) =>
      c.questions.filter((q) => q.type === 'rating' && q.factor === key).length;
    expect(scored(renamed, 'before_drive')).toBe(scored(content, first));
    expect(scored(renamed, first)).toBe(0);
    const removed = run(renamed, { type: 'removeFactor', index: 0 });
    expect(scored(removed, 'before_drive')).toBe(0);
    expect(removed.factors).toHaveLength(content.factors.length - 1);
  });

  it('carries a renamed question key to the conditions that refer to it', () => {
    const content = base();
    const overall = indexOf(content, 'overall');
    const next = run(content, { type: 'updateQuestion', index: overall, patch: { key: 'overall_stars' } });
    expect(next.questions[indexOf(next, 'problems')]!.showIf).toEqual({
      question: 'overall_stars',
      anyOf: [1, 2],
    });
    expect(validateTemplateContent(next)).toEqual({});
  });

  it('drops conditions on a removed question', () => {
    const content = base();
    const next = run(content, { type: 'removeQuestion', index: indexOf(content, 'overall') });
    expect(next.questions[indexOf(next, 'problems')]!.showIf).toBeUndefined();
  });

  it('moves questions; a condition that now looks forward is flagged by the validation', () => {
    const content = base();
    const problems = indexOf(content, 'problems');
    const overall = indexOf(content, 'overall');
    expect(run(content, { type: 'moveQuestion', index: 0, delta: -1 })).toBe(content);
    let next = content;
    for (let i = problems; i > overall; i--) next = run(next, { type: 'moveQuestion', index: i, delta: -1 });
    expect(next.questions[overall]!.key).toBe('problems');
    expect(validateTemplateContent(next)[`questions.${overall}.showIf.question`]).toBeDefined();
  });

  it('changes a question type keeping its common fields, and drops conditions its answers no longer meet', () => {
    const content = base();
    const overall = indexOf(content, 'overall');
    const next = run(content, { type: 'changeQuestionType', index: overall, questionType: 'single_choice' });
    const changed = next.questions[overall]!;
    expect(changed).toMatchObject({
      key: 'overall',
      type: 'single_choice',
      title: content.questions[overall]!.title,
    });
    expect(next.questions[indexOf(next, 'problems')]!.showIf).toBeUndefined();
    // Single ↔ multi choice keeps the options and the conditions on them.
    const problems = indexOf(content, 'problems');
    const single = run(content, {
      type: 'changeQuestionType',
      index: problems,
      questionType: 'single_choice',
    });
    expect(single.questions[problems]).toMatchObject({ type: 'single_choice' });
    expect((single.questions[problems] as { options: unknown[] }).options).toEqual(
      (content.questions[problems] as { options: unknown[] }).options,
    );
  });

  it('adds, renames and removes options, keeping conditions on them in step', () => {
    let content = run(
      base(),
      { type: 'addQuestion', questionType: 'single_choice' },
      { type: 'addQuestion', questionType: 'text' },
    );
    const choice = content.questions.length - 2;
    const text = content.questions.length - 1;
    content = run(
      content,
      { type: 'setShowIf', index: text, showIf: { question: 'q_1', anyOf: ['opt_1', 'opt_2'] } },
      { type: 'addOption', index: choice },
      { type: 'updateOption', index: choice, option: 0, patch: { value: 'late' } },
    );
    expect(
      (content.questions[choice] as { options: Array<{ value: string }> }).options.map((o) => o.value),
    ).toEqual(['late', 'opt_2', 'opt_3']);
    expect(content.questions[text]!.showIf).toEqual({ question: 'q_1', anyOf: ['late', 'opt_2'] });
    content = run(content, { type: 'removeOption', index: choice, option: 1 });
    expect(content.questions[text]!.showIf).toEqual({ question: 'q_1', anyOf: ['late'] });
    content = run(content, { type: 'removeOption', index: choice, option: 0 });
    expect(content.questions[text]!.showIf).toBeUndefined();
  });

  it('switches low-score rule parts on and off', () => {
    const next = run(
      base(),
      { type: 'setRule', part: 'npsAtMost', value: null },
      { type: 'setRule', part: 'factorBelow', value: 50 },
    );
    expect(next.lowScoreRule).toMatchObject({ npsAtMost: null, factorBelow: 50 });
    expect(ruleLines(next.lowScoreRule)).toEqual(['任一维度得分低于 50 分', '整体满意度不高于 2 星']);
  });

  it('edits rating-only fields and clears an empty hint', () => {
    const content = run(base(), { type: 'addQuestion', questionType: 'rating' });
    const i = content.questions.length - 1;
    const next = run(
      content,
      { type: 'updateQuestion', index: i, patch: { weight: 2, measure: 'repurchase_intent', help: '提示' } },
      { type: 'updateQuestion', index: i, patch: { help: '' } },
    );
    expect(next.questions[i]).toMatchObject({ weight: 2, measure: 'repurchase_intent' });
    expect(next.questions[i]!.help).toBeUndefined();
  });
});

describe('new questions', () => {
  it('has type defaults the validation accepts once titled', () => {
    for (const type of ['rating', 'nps', 'single_choice', 'multi_choice', 'text'] as const) {
      const question = newQuestion(type, 'q_1', { title: '题目' });
      if (question.type === 'single_choice' || question.type === 'multi_choice') {
        question.options = question.options.map((o, i) => ({ ...o, label: `选项${i}` }));
      }
      const content = { ...base(), questions: [question] };
      expect(validateTemplateContent(content)).toEqual({});
    }
  });

  it('starts text questions optional and the rest required', () => {
    expect(newQuestion('text', 'q_1').required).toBe(false);
    expect(newQuestion('nps', 'q_1').required).toBe(true);
  });
});

describe('conditions', () => {
  it('offers earlier non-text questions with their possible answers', () => {
    const content = base();
    const problems = indexOf(content, 'problems');
    const sources = conditionSources(content.questions, problems);
    expect(sources.map((q) => q.key)).toContain('overall');
    expect(sources.every((q) => q.type !== 'text')).toBe(true);
    expect(conditionSources(content.questions, 0)).toEqual([]);
    const overall = content.questions[indexOf(content, 'overall')]!;
    expect(conditionValues(overall).map((v) => v.label)).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星']);
    expect(conditionValues(newQuestion('nps', 'n'))).toHaveLength(11);
    expect(conditionValues(newQuestion('text', 't'))).toEqual([]);
  });

  it('reads a condition as a sentence', () => {
    const content = base();
    const overall = content.questions[indexOf(content, 'overall')]!;
    const problems = content.questions[indexOf(content, 'problems')]!;
    expect(conditionText(content.questions, problems)).toBe(`当「${overall.title}」为 1 星、2 星 时显示`);
    expect(conditionText(content.questions, overall)).toBeNull();
  });
});

describe('saving', () => {
  it('trims what is saved and compares by the saved form', () => {
    const content = base();
    const spaced = run(content, { type: 'text', field: 'title', value: `  ${content.title} ` });
    expect(toSavedContent(spaced).title).toBe(content.title);
    expect(sameContent(spaced, content)).toBe(true);
    expect(sameContent(run(content, { type: 'text', field: 'title', value: '另一个' }), content)).toBe(false);
  });

  it('shows factor weights as shares of the index', () => {
    expect(
      factorShares([
        { key: 'a', label: 'A', weight: 18 },
        { key: 'b', label: 'B', weight: 72 },
      ]),
    ).toEqual([20, 80]);
    expect(factorShares([{ key: 'a', label: 'A', weight: 0 }])).toEqual([0]);
  });

  it('lists the versions of a kind newest first with the one in use', () => {
    const v = (
      version: number,
      active: boolean,
      kind: SurveyTemplate['kind'] = 'sales_csi',
    ): SurveyTemplate => ({
      ...base(),
      id: version,
      kind,
      version,
      active,
      createdAt: '2025-11-01T00:00:00Z',
      createdByName: null,
    });
    const { versions, active } = versionsOf(
      [v(1, false), v(3, false), v(2, true), v(1, true, 'service_ssi')],
      'sales_csi',
    );
    expect(versions.map((t) => t.version)).toEqual([3, 2, 1]);
    expect(active?.version).toBe(2);
    expect(contentOf(v(1, true))).toEqual(base());
  });
});

describe('errors', () => {
  it('names where an error is', () => {
    expect(pathLabel('title')).toBe('标题');
    expect(pathLabel('questions.4.options.1.label')).toBe('第 5 题 · 选项 2 · 名称');
    expect(pathLabel('questions.2.showIf.anyOf')).toBe('第 3 题 · 条件取值');
    expect(pathLabel('factors.0.weight')).toBe('维度 1 · 权重');
    expect(pathLabel('lowScoreRule.npsAtMost')).toBe('低分规则 · 推荐意愿');
    expect(pathLabel('questions')).toBe('题目');
  });

  it('finds the errors under a question', () => {
    const errors = {
      'questions.1.title': 'a',
      'questions.1.options.0.value': 'b',
      'questions.10.title': 'c',
    };
    expect(errorsUnder(errors, 'questions.1')).toEqual(['a', 'b']);
  });

  it('shows the validation of an emptied title and a bad key inline', () => {
    const content = run(
      base(),
      { type: 'text', field: 'title', value: ' ' },
      { type: 'updateQuestion', index: 0, patch: { key: 'Bad Key' } },
    );
    const errors = validateTemplateContent(content);
    expect(errors.title).toBe('不能为空');
    expect(errors['questions.0.key']).toBeDefined();
  });
});
