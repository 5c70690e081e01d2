/**
 * Conditional questions: a question with `showIf` is shown only when an earlier answer matches.
 * A question whose condition question is hidden is hidden too, so answering 1 star, choosing a
 * problem and then changing to 5 stars hides the whole chain again.
 */
import { ownValue } from './survey-math.js';
import type { AnswerValue, SurveyAnswers, SurveyQuestion } from './survey.types.js';

function matches(value: AnswerValue | undefined, anyOf: ReadonlyArray<string | number>): boolean {
  if (value === undefined) return false;
  // Multi choice: any of the selected options counts.
  if (Array.isArray(value)) return value.some((selected) => anyOf.includes(selected));
  return anyOf.includes(value);
}

function visible(
  byKey: ReadonlyMap<string, SurveyQuestion>,
  question: SurveyQuestion,
  answers: SurveyAnswers,
  seen: Set<string>,
): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const source = byKey.get(condition.question);
  // An unknown source or a loop (only in an invalid template) hides the question.
  if (!source || seen.has(source.key)) return false;
  seen.add(question.key);
  return matches(ownValue(answers, source.key), condition.anyOf) && visible(byKey, source, answers, seen);
}

function indexByKey(questions: readonly SurveyQuestion[]): Map<string, SurveyQuestion> {
  const byKey = new Map<string, SurveyQuestion>();
  for (const question of questions) if (!byKey.has(question.key)) byKey.set(question.key, question);
  return byKey;
}

export function isQuestionVisible(
  questions: SurveyQuestion[],
  question: SurveyQuestion,
  answers: SurveyAnswers,
): boolean {
  return visible(indexByKey(questions), question, answers, new Set());
}

/** The questions to show for these answers, in template order. */
export function visibleQuestions(questions: SurveyQuestion[], answers: SurveyAnswers): SurveyQuestion[] {
  const byKey = indexByKey(questions);
  return questions.filter((question) => visible(byKey, question, answers, new Set()));
}
