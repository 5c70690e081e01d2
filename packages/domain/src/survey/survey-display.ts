/** How answers and weeks read in the portal, the CSV export and the callback view. */
import { addDays, weekdayOf } from '../time/zoned-time.js';
import type { AnswerValue, SurveyQuestion } from './survey.types.js';

/** "4 星", "9 分", option labels joined by "、", the text; null when unanswered. */
export function answerText(question: SurveyQuestion, value: AnswerValue | undefined): string | null {
  if (value === undefined) return null;
  switch (question.type) {
    case 'rating':
      return typeof value === 'number' ? `${value} 星` : null;
    case 'nps':
      return typeof value === 'number' ? `${value} 分` : null;
    case 'single_choice':
    case 'multi_choice': {
      const values = Array.isArray(value) ? value : [String(value)];
      // An option removed in a later version still shows its stored value rather than nothing.
      const labels = values.map(
        (item) => question.options.find((option) => option.value === item)?.label ?? item,
      );
      return labels.length > 0 ? labels.join('、') : null;
    }
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      return text === '' ? null : text;
    }
  }
}

/** The Monday of the week of a store-local date ("YYYY-MM-DD"), as the dashboard groups weeks. */
export function localWeekStart(localDate: string): string {
  return addDays(localDate, 1 - weekdayOf(localDate));
}
