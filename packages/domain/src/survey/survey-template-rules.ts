/**
 * Checks a template before it is saved as a new version. The content comes from the portal's
 * editor through the API, so everything is checked as if it were untrusted JSON.
 */
import { isRecord } from './survey-math.js';
import {
  OUTCOME_MEASURES,
  QUESTION_TYPES,
  SURVEY_TEMPLATE_LIMITS as LIMITS,
  type SurveyTemplateContent,
} from './survey.types.js';

/** Keys of factors, questions and option values: stable, short, safe in CSV headers and JSON. */
export const SURVEY_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/** Largest weight accepted for a factor (a share of the index, in %) or a question inside its factor. */
const MAX_WEIGHT = 100;

type Errors = Map<string, string>;

const KEY_MESSAGE = '只能使用小写字母、数字和下划线，以字母开头，最多 32 个字符';

/** A required, trimmed text of at most `max` characters. */
function checkText(errors: Errors, path: string, value: unknown, max: number, required = true): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string') {
    errors.set(path, '请填写文字');
    return;
  }
  const trimmed = value.trim();
  if (required && trimmed === '') errors.set(path, '不能为空');
  else if ([...trimmed].length > max) errors.set(path, `最多 ${max} 个字`);
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_WEIGHT;
}

function checkRule(
  errors: Errors,
  path: string,
  value: unknown,
  min: number,
  max: number,
  integer: boolean,
): void {
  if (value === null) return;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) errors.set(path, `应为 ${min}–${max} 之间的${integer ? '整数' : '数'}，或留空表示不启用`);
}

/** The values a condition on `question` may test: stars, 0–10 or its option values; null for text (or an unknown type). */
function conditionValues(question: Record<string, unknown>): Array<string | number> | null {
  switch (question.type) {
    case 'rating':
      return [1, 2, 3, 4, 5];
    case 'nps':
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'single_choice':
    case 'multi_choice':
      return Array.isArray(question.options)
        ? question.options.filter(isRecord).map((option) => option.value as string)
        : [];
    default:
      return null;
  }
}

function checkFactors(errors: Errors, factors: unknown): Set<string> {
  const keys = new Set<string>();
  if (!Array.isArray(factors)) {
    errors.set('factors', '维度格式不正确');
    return keys;
  }
  if (factors.length > LIMITS.maxFactors) errors.set('factors', `最多 ${LIMITS.maxFactors} 个维度`);
  factors.forEach((factor, index) => {
    const path = `factors.${index}`;
    if (!isRecord(factor)) {
      errors.set(path, '维度格式不正确');
      return;
    }
    if (typeof factor.key !== 'string' || !SURVEY_KEY_PATTERN.test(factor.key))
      errors.set(`${path}.key`, KEY_MESSAGE);
    else if (keys.has(factor.key)) errors.set(`${path}.key`, '维度编码重复');
    else keys.add(factor.key);
    checkText(errors, `${path}.label`, factor.label, LIMITS.titleMax);
    if (!isWeight(factor.weight)) errors.set(`${path}.weight`, `权重应大于 0，最多 ${MAX_WEIGHT}`);
  });
  return keys;
}

function checkOptions(errors: Errors, path: string, options: unknown): void {
  if (!Array.isArray(options) || options.length < 2 || options.length > LIMITS.maxOptions) {
    errors.set(`${path}.options`, `请提供 2–${LIMITS.maxOptions} 个选项`);
    if (!Array.isArray(options)) return;
  }
  const values = new Set<string>();
  const labels = new Set<string>();
  options.forEach((option, index) => {
    const at = `${path}.options.${index}`;
    if (!isRecord(option)) {
      errors.set(at, '选项格式不正确');
      return;
    }
    if (typeof option.value !== 'string' || !SURVEY_KEY_PATTERN.test(option.value))
      errors.set(`${at}.value`, KEY_MESSAGE);
    else if (values.has(option.value)) errors.set(`${at}.value`, '选项编码重复');
    else values.add(option.value);
    checkText(errors, `${at}.label`, option.label, LIMITS.optionLabelMax);
    if (typeof option.label === 'string') {
      const label = option.label.trim();
      if (label && labels.has(label)) errors.set(`${at}.label`, '选项文字重复');
      labels.add(label);
    }
  });
}

function checkShowIf(
  errors: Errors,
  path: string,
  showIf: unknown,
  earlier: ReadonlyMap<string, Record<string, unknown>>,
): void {
  if (showIf === undefined) return;
  if (!isRecord(showIf)) {
    errors.set(`${path}.showIf`, '显示条件格式不正确');
    return;
  }
  const source = typeof showIf.question === 'string' ? earlier.get(showIf.question) : undefined;
  if (!source) {
    errors.set(`${path}.showIf.question`, '显示条件只能引用前面的题目');
    return;
  }
  const allowed = conditionValues(source);
  if (!allowed) {
    // A source of an unknown type already has its own error.
    if (source.type === 'text') errors.set(`${path}.showIf.question`, '文字题不能作为显示条件');
    return;
  }
  const anyOf = showIf.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length === 0) {
    errors.set(`${path}.showIf.anyOf`, '请至少选择一个条件取值');
  } else if (anyOf.some((value) => !allowed.includes(value as string | number))) {
    errors.set(`${path}.showIf.anyOf`, '条件取值不是该题的有效答案');
  } else if (new Set(anyOf).size !== anyOf.length) {
    errors.set(`${path}.showIf.anyOf`, '条件取值重复');
  }
}

function checkQuestions(errors: Errors, questions: unknown, factorKeys: ReadonlySet<string>): void {
  if (!Array.isArray(questions) || questions.length === 0) {
    errors.set('questions', '请至少添加一道题目');
    return;
  }
  if (questions.length > LIMITS.maxQuestions) errors.set('questions', `最多 ${LIMITS.maxQuestions} 道题目`);
  // Earlier questions by key: a condition may only look back, which also rules out cycles.
  const earlier = new Map<string, Record<string, unknown>>();
  const measures = new Set<string>();
  let npsCount = 0;
  questions.forEach((question, index) => {
    const path = `questions.${index}`;
    if (!isRecord(question)) {
      errors.set(path, '题目格式不正确');
      return;
    }
    const key = question.key;
    if (typeof key !== 'string' || !SURVEY_KEY_PATTERN.test(key)) errors.set(`${path}.key`, KEY_MESSAGE);
    else if (earlier.has(key)) errors.set(`${path}.key`, '题目编码重复');
    checkText(errors, `${path}.title`, question.title, LIMITS.questionTitleMax);
    checkText(errors, `${path}.help`, question.help, LIMITS.helpMax, false);
    if (typeof question.required !== 'boolean') errors.set(`${path}.required`, '请选择是否必答');
    checkShowIf(errors, path, question.showIf, earlier);

    switch (question.type) {
      case 'rating': {
        const factor = question.factor;
        if (factor !== null && (typeof factor !== 'string' || !factorKeys.has(factor))) {
          errors.set(`${path}.factor`, '所属维度不存在');
        }
        if (question.weight !== undefined && !isWeight(question.weight)) {
          errors.set(`${path}.weight`, `权重应大于 0，最多 ${MAX_WEIGHT}`);
        }
        if (question.measure !== undefined) {
          const measure = question.measure as string;
          if (!(OUTCOME_MEASURES as readonly string[]).includes(measure))
            errors.set(`${path}.measure`, '结果指标无效');
          // Scores read one overall-satisfaction answer; two would be ambiguous.
          else if (measures.has(measure)) errors.set(`${path}.measure`, '同一结果指标只能有一道题');
          else measures.add(measure);
        }
        break;
      }
      case 'nps':
        npsCount += 1;
        if (npsCount > 1) errors.set(`${path}.type`, '推荐意愿题只能有一道');
        break;
      case 'single_choice':
      case 'multi_choice':
        checkOptions(errors, path, question.options);
        break;
      case 'text': {
        const max = question.maxLength;
        if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > LIMITS.textMaxLength) {
          errors.set(`${path}.maxLength`, `字数上限应为 1–${LIMITS.textMaxLength}`);
        }
        break;
      }
      default:
        errors.set(`${path}.type`, `题型应为 ${QUESTION_TYPES.join('、')} 之一`);
    }
    if (typeof key === 'string' && !earlier.has(key)) earlier.set(key, question);
  });
}

/**
 * The problems of a template, as dotted path → Chinese message (e.g. `questions.3.showIf.anyOf`);
 * empty when it may be saved.
 */
export function validateTemplateContent(content: SurveyTemplateContent): Record<string, string> {
  const errors: Errors = new Map();
  const input: unknown = content;
  if (!isRecord(input)) return { content: '问卷内容格式不正确' };
  checkText(errors, 'title', input.title, LIMITS.titleMax);
  checkText(errors, 'intro', input.intro, LIMITS.introMax);
  checkText(errors, 'thanks', input.thanks, LIMITS.thanksMax);
  const factorKeys = checkFactors(errors, input.factors);
  checkQuestions(errors, input.questions, factorKeys);
  const rule = input.lowScoreRule;
  if (!isRecord(rule)) {
    errors.set('lowScoreRule', '低分规则格式不正确');
  } else {
    checkRule(errors, 'lowScoreRule.factorBelow', rule.factorBelow, 0, 100, false);
    checkRule(errors, 'lowScoreRule.overallAtMost', rule.overallAtMost, 1, 5, true);
    checkRule(errors, 'lowScoreRule.npsAtMost', rule.npsAtMost, 0, 10, true);
  }
  return Object.fromEntries(errors);
}
