import { describe, expect, it } from '@jest/globals';
import { SURVEY_KEY_PATTERN, validateTemplateContent } from './survey-template-rules.js';
import { SURVEY_TEMPLATE_LIMITS, type SurveyQuestion, type SurveyTemplateContent } from './survey.types.js';

const valid: SurveyTemplateContent = {
  title: '试乘试驾意见表',
  intro: '请花 1 分钟告诉我们您的感受。',
  thanks: '感谢您的反馈！',
  factors: [
    { key: 'before', label: '试驾前', weight: 35 },
    { key: 'during', label: '试驾中', weight: 40 },
  ],
  questions: [
    { key: 'car', type: 'rating', factor: 'before', title: '车辆整洁', required: true },
    { key: 'route', type: 'rating', factor: 'during', weight: 2, title: '路线', required: true },
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
      ],
    },
    { key: 'nps', type: 'nps', title: '推荐', required: true },
    {
      key: 'why_low',
      type: 'text',
      title: '为什么',
      required: false,
      maxLength: 300,
      showIf: { question: 'nps', anyOf: [0, 1, 2, 3] },
    },
    {
      key: 'route_detail',
      type: 'single_choice',
      title: '路线哪里不好',
      required: false,
      showIf: { question: 'problems', anyOf: ['route'] },
      options: [
        { value: 'short', label: '太短' },
        { value: 'busy', label: '太堵' },
      ],
    },
  ],
  lowScoreRule: { factorBelow: 60, overallAtMost: 2, npsAtMost: 6 },
};

/** The template with question `index` replaced by a (possibly invalid) one. */
function withQuestion(index: number, question: unknown): SurveyTemplateContent {
  const questions = [...valid.questions] as unknown[];
  questions[index] = question;
  return { ...valid, questions: questions as SurveyQuestion[] };
}

const q = (index: number) => valid.questions[index] as unknown as Record<string, unknown>;
const errorsOf = (content: unknown) => validateTemplateContent(content as SurveyTemplateContent);

describe('validateTemplateContent', () => {
  it('accepts a valid template', () => {
    expect(validateTemplateContent(valid)).toEqual({});
  });

  it('checks the title, intro and thanks', () => {
    expect(errorsOf({ ...valid, title: '  ' })).toEqual({ title: '不能为空' });
    expect(errorsOf({ ...valid, title: '长'.repeat(SURVEY_TEMPLATE_LIMITS.titleMax + 1) })).toEqual({
      title: '最多 40 个字',
    });
    expect(errorsOf({ ...valid, title: '长'.repeat(SURVEY_TEMPLATE_LIMITS.titleMax) })).toEqual({});
    expect(errorsOf({ ...valid, intro: 'x'.repeat(301), thanks: 42 })).toEqual({
      intro: '最多 300 个字',
      thanks: '请填写文字',
    });
  });

  it('refuses something that is not a template', () => {
    expect(errorsOf(null)).toEqual({ content: '问卷内容格式不正确' });
    expect(errorsOf([])).toEqual({ content: '问卷内容格式不正确' });
  });

  it('requires at least one question and at most the limit', () => {
    expect(errorsOf({ ...valid, questions: [] })).toEqual({ questions: '请至少添加一道题目' });
    const many = Array.from({ length: SURVEY_TEMPLATE_LIMITS.maxQuestions + 1 }, (_, i) => ({
      key: `q${i}`,
      type: 'nps',
      title: '推荐',
      required: false,
    }));
    const errors = errorsOf({ ...valid, questions: many });
    expect(errors.questions).toBe('最多 40 道题目');
  });

  it('checks factor keys, labels, weights, duplicates and the factor limit', () => {
    const factors = [
      { key: 'Before', label: '试驾前', weight: 35 },
      { key: 'during', label: '', weight: 0 },
      { key: 'during', label: '重复', weight: Number.POSITIVE_INFINITY },
      'nope',
    ];
    expect(errorsOf({ ...valid, factors })).toEqual({
      'factors.0.key': '只能使用小写字母、数字和下划线，以字母开头，最多 32 个字符',
      'factors.1.label': '不能为空',
      'factors.1.weight': '权重应大于 0，最多 100',
      'factors.2.key': '维度编码重复',
      'factors.2.weight': '权重应大于 0，最多 100',
      'factors.3': '维度格式不正确',
      // "before" no longer exists, so the question that used it is refused too.
      'questions.0.factor': '所属维度不存在',
    });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ key: `f${i}`, label: `维度${i}`, weight: 5 }));
    expect(errorsOf({ ...valid, factors: [...valid.factors, ...thirteen] }).factors).toBe('最多 12 个维度');
  });

  it('checks question keys: pattern and uniqueness', () => {
    for (const key of ['1abc', 'Abc', 'a-b', '', 'a'.repeat(33), '_a']) {
      expect(errorsOf(withQuestion(0, { ...q(0), key }))['questions.0.key']).toBe(
        '只能使用小写字母、数字和下划线，以字母开头，最多 32 个字符',
      );
    }
    expect(SURVEY_KEY_PATTERN.test('a'.repeat(32))).toBe(true);
    expect(errorsOf(withQuestion(1, { ...q(1), key: 'car' }))).toEqual({ 'questions.1.key': '题目编码重复' });
  });

  it('checks titles, help, required and type', () => {
    expect(
      errorsOf(withQuestion(0, { ...q(0), title: 'x'.repeat(81), help: 'y'.repeat(121), required: 'yes' })),
    ).toEqual({
      'questions.0.title': '最多 80 个字',
      'questions.0.help': '最多 120 个字',
      'questions.0.required': '请选择是否必答',
    });
    expect(errorsOf(withQuestion(4, { ...q(4), type: 'slider' }))).toEqual({
      'questions.4.type': '题型应为 rating、nps、single_choice、multi_choice、text 之一',
    });
    // The question that depended on it loses its condition too.
    expect(errorsOf(withQuestion(4, 'nps'))).toEqual({
      'questions.4': '题目格式不正确',
      'questions.5.showIf.question': '显示条件只能引用前面的题目',
    });
  });

  it('checks rating factors, weights and outcome measures', () => {
    expect(errorsOf(withQuestion(0, { ...q(0), factor: 'after' }))).toEqual({
      'questions.0.factor': '所属维度不存在',
    });
    expect(errorsOf(withQuestion(0, { ...q(0), factor: undefined }))).toEqual({
      'questions.0.factor': '所属维度不存在',
    });
    expect(errorsOf(withQuestion(1, { ...q(1), weight: 0 }))).toEqual({
      'questions.1.weight': '权重应大于 0，最多 100',
    });
    expect(errorsOf(withQuestion(1, { ...q(1), weight: -1 }))).toEqual({
      'questions.1.weight': '权重应大于 0，最多 100',
    });
    expect(errorsOf(withQuestion(1, { ...q(1), weight: 0.5 }))).toEqual({});
    expect(errorsOf(withQuestion(2, { ...q(2), measure: 'loyalty' }))).toEqual({
      'questions.2.measure': '结果指标无效',
    });
    // Scoring reads one overall-satisfaction answer and one recommend answer.
    expect(errorsOf(withQuestion(0, { ...q(0), measure: 'overall_satisfaction' }))).toEqual({
      'questions.2.measure': '同一结果指标只能有一道题',
    });
    expect(
      errorsOf({
        ...valid,
        questions: [...valid.questions, { key: 'nps2', type: 'nps', title: '再问', required: true }],
      }),
    ).toEqual({ 'questions.7.type': '推荐意愿题只能有一道' });
  });

  it('checks choice options: count, values, labels and duplicates', () => {
    const choice = q(6);
    expect(errorsOf(withQuestion(6, { ...choice, options: [{ value: 'a', label: '甲' }] }))).toEqual({
      'questions.6.options': '请提供 2–12 个选项',
    });
    expect(errorsOf(withQuestion(6, { ...choice, options: 'a,b' }))).toEqual({
      'questions.6.options': '请提供 2–12 个选项',
    });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ value: `o${i}`, label: `选项${i}` }));
    expect(errorsOf(withQuestion(6, { ...choice, options: thirteen }))).toEqual({
      'questions.6.options': '请提供 2–12 个选项',
    });
    expect(
      errorsOf(
        withQuestion(6, {
          ...choice,
          options: [
            { value: 'short', label: '太短' },
            { value: 'short', label: '太短' },
            { value: 'Bad', label: '' },
            { value: 'long', label: 'x'.repeat(31) },
            null,
          ],
        }),
      ),
    ).toEqual({
      'questions.6.options.1.value': '选项编码重复',
      'questions.6.options.1.label': '选项文字重复',
      'questions.6.options.2.value': '只能使用小写字母、数字和下划线，以字母开头，最多 32 个字符',
      'questions.6.options.2.label': '不能为空',
      'questions.6.options.3.label': '最多 30 个字',
      'questions.6.options.4': '选项格式不正确',
    });
  });

  it('checks the text limit', () => {
    for (const maxLength of [0, 1001, 10.5, '300', undefined]) {
      expect(errorsOf(withQuestion(5, { ...q(5), maxLength }))).toEqual({
        'questions.5.maxLength': '字数上限应为 1–1000',
      });
    }
    expect(errorsOf(withQuestion(5, { ...q(5), maxLength: 1000 }))).toEqual({});
  });

  it('lets a condition refer only to an earlier, answerable question', () => {
    const problems = q(3);
    // A later question, itself and an unknown one.
    for (const question of ['nps', 'problems', 'nothing']) {
      expect(errorsOf(withQuestion(3, { ...problems, showIf: { question, anyOf: [1] } }))).toEqual({
        'questions.3.showIf.question': '显示条件只能引用前面的题目',
      });
    }
    const afterText = {
      key: 'after_text',
      type: 'rating',
      factor: null,
      title: '再问',
      required: false,
      showIf: { question: 'why_low', anyOf: ['x'] },
    };
    expect(errorsOf({ ...valid, questions: [...valid.questions.slice(0, 6), afterText] })).toEqual({
      'questions.6.showIf.question': '文字题不能作为显示条件',
    });
    expect(errorsOf(withQuestion(3, { ...problems, showIf: 'overall' }))).toEqual({
      'questions.3.showIf': '显示条件格式不正确',
    });
  });

  it('checks that condition values are possible answers of the condition question', () => {
    const problems = q(3);
    const cases: Array<[number, unknown, string | undefined]> = [
      // rating: 1–5
      [3, { question: 'overall', anyOf: [0] }, '条件取值不是该题的有效答案'],
      [3, { question: 'overall', anyOf: [6] }, '条件取值不是该题的有效答案'],
      [3, { question: 'overall', anyOf: ['1'] }, '条件取值不是该题的有效答案'],
      [3, { question: 'overall', anyOf: [1, 1] }, '条件取值重复'],
      [3, { question: 'overall', anyOf: [] }, '请至少选择一个条件取值'],
      [3, { question: 'overall', anyOf: 1 }, '请至少选择一个条件取值'],
      [3, { question: 'overall', anyOf: [5] }, undefined],
    ];
    for (const [index, showIf, message] of cases) {
      expect(errorsOf(withQuestion(index, { ...problems, showIf }))['questions.3.showIf.anyOf']).toBe(
        message,
      );
    }
    // nps: 0–10
    expect(errorsOf(withQuestion(5, { ...q(5), showIf: { question: 'nps', anyOf: [10, 0] } }))).toEqual({});
    expect(errorsOf(withQuestion(5, { ...q(5), showIf: { question: 'nps', anyOf: [11] } }))).toEqual({
      'questions.5.showIf.anyOf': '条件取值不是该题的有效答案',
    });
    // choice: its option values
    expect(
      errorsOf(withQuestion(6, { ...q(6), showIf: { question: 'problems', anyOf: ['price'] } })),
    ).toEqual({
      'questions.6.showIf.anyOf': '条件取值不是该题的有效答案',
    });
  });

  it('checks the low-score rule ranges, null switching a part off', () => {
    expect(
      errorsOf({ ...valid, lowScoreRule: { factorBelow: null, overallAtMost: null, npsAtMost: null } }),
    ).toEqual({});
    expect(errorsOf({ ...valid, lowScoreRule: { factorBelow: 0, overallAtMost: 1, npsAtMost: 0 } })).toEqual(
      {},
    );
    expect(
      errorsOf({ ...valid, lowScoreRule: { factorBelow: 100, overallAtMost: 5, npsAtMost: 10 } }),
    ).toEqual({});
    expect(
      errorsOf({ ...valid, lowScoreRule: { factorBelow: 62.5, overallAtMost: 2, npsAtMost: 6 } }),
    ).toEqual({});
    expect(
      errorsOf({ ...valid, lowScoreRule: { factorBelow: 101, overallAtMost: 0, npsAtMost: 11 } }),
    ).toEqual({
      'lowScoreRule.factorBelow': '应为 0–100 之间的数，或留空表示不启用',
      'lowScoreRule.overallAtMost': '应为 1–5 之间的整数，或留空表示不启用',
      'lowScoreRule.npsAtMost': '应为 0–10 之间的整数，或留空表示不启用',
    });
    expect(
      errorsOf({ ...valid, lowScoreRule: { factorBelow: -1, overallAtMost: 2.5, npsAtMost: '6' } }),
    ).toEqual({
      'lowScoreRule.factorBelow': '应为 0–100 之间的数，或留空表示不启用',
      'lowScoreRule.overallAtMost': '应为 1–5 之间的整数，或留空表示不启用',
      'lowScoreRule.npsAtMost': '应为 0–10 之间的整数，或留空表示不启用',
    });
    expect(errorsOf({ ...valid, lowScoreRule: undefined })).toEqual({ lowScoreRule: '低分规则格式不正确' });
  });
});
