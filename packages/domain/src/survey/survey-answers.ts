/**
 * Checks answers sent by the customer, for saving progress and for the final submit. The result
 * is the cleaned answers to store: trimmed text, multi-choice in option order, nothing for hidden
 * questions (an answer given before its condition changed no longer counts).
 */
import { isRecord, ownValue } from './survey-math.js';
import { visibleQuestions } from './survey-visibility.js';
import type { AnswerValue, SurveyAnswers, SurveyQuestion } from './survey.types.js';

export type AnswersValidation =
  { ok: true; answers: SurveyAnswers } | { ok: false; errors: Record<string, string> };

/** Error key for a body that is not an answers object at all. */
const FORM_KEY = 'answers';

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The cleaned value, null when unanswered (no value, empty text, nothing selected), or an error message. */
function cleanValue(
  question: SurveyQuestion,
  value: unknown,
): { value: AnswerValue | null } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  switch (question.type) {
    case 'rating':
      return isIntegerIn(value, 1, 5) ? { value } : { error: '请选择 1–5 星' };
    case 'nps':
      return isIntegerIn(value, 0, 10) ? { value } : { error: '请选择 0–10 分' };
    case 'single_choice':
      return typeof value === 'string' && question.options.some((option) => option.value === value)
        ? { value }
        : { error: '请选择一个有效选项' };
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
        return { error: '请选择有效选项' };
      const selected = value as string[];
      if (new Set(selected).size !== selected.length) return { error: '选项重复' };
      if (!selected.every((item) => question.options.some((option) => option.value === item))) {
        return { error: '请选择有效选项' };
      }
      // Template order, so the same choice is always stored the same way.
      const ordered = question.options
        .map((option) => option.value)
        .filter((item) => selected.includes(item));
      return { value: ordered.length > 0 ? ordered : null };
    }
    case 'text': {
      if (typeof value !== 'string') return { error: '请填写文字' };
      const trimmed = value.trim();
      if ([...trimmed].length > question.maxLength) return { error: `最多 ${question.maxLength} 个字` };
      return { value: trimmed === '' ? null : trimmed };
    }
  }
}

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * 'progress' accepts any subset of valid answers; 'final' also requires every visible required
 * question. Errors are keyed by question key, in Chinese.
 */
export function validateAnswers(
  questions: SurveyQuestion[],
  answers: unknown,
  mode: 'progress' | 'final',
): AnswersValidation {
  if (!isRecord(answers)) return { ok: false, errors: { [FORM_KEY]: '答案格式不正确' } };
  const byKey = new Map(questions.map((question) => [question.key, question] as const));
  const errors = new Map<string, string>();
  const cleaned: SurveyAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    if (!question) {
      errors.set(key, '问卷中没有这道题');
      continue;
    }
    const result = cleanValue(question, value);
    if ('error' in result) errors.set(key, result.error);
    else if (result.value !== null) cleaned[key] = result.value;
  }
  if (errors.size > 0) return { ok: false, errors: Object.fromEntries(errors) };

  const shown = visibleQuestions(questions, cleaned);
  const kept: SurveyAnswers = {};
  for (const question of shown) {
    const value = ownValue(cleaned, question.key);
    if (value !== undefined) kept[question.key] = value;
    else if (mode === 'final' && question.required) errors.set(question.key, '请回答此题');
  }
  if (errors.size > 0) return { ok: false, errors: Object.fromEntries(errors) };
  return { ok: true, answers: kept };
}

/** How many of the questions now shown are answered (for "3/9" progress). */
export function countAnswered(questions: SurveyQuestion[], answers: SurveyAnswers): number {
  return visibleQuestions(questions, answers).filter((question) =>
    isAnswered(ownValue(answers, question.key)),
  ).length;
}
