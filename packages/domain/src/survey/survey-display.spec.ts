import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, weekdayOf } from '../time/zoned-time.js';
import { answerText, localWeekStart } from './survey-display.js';
import type { SurveyQuestion } from './survey.types.js';

const rating: SurveyQuestion = {
  key: 'overall',
  type: 'rating',
  factor: null,
  title: '总体',
  required: true,
};
const nps: SurveyQuestion = { key: 'nps', type: 'nps', title: '推荐', required: true };
const choice = (type: 'single_choice' | 'multi_choice'): SurveyQuestion => ({
  key: 'problems',
  type,
  title: '哪里不满意',
  required: true,
  options: [
    { value: 'late', label: '交车延期' },
    { value: 'price', label: '价格不透明' },
  ],
});
const text: SurveyQuestion = { key: 'comment', type: 'text', title: '意见', required: false, maxLength: 100 };

describe('answerText', () => {
  it('reads each question type', () => {
    expect(answerText(rating, 4)).toBe('4 星');
    expect(answerText(nps, 9)).toBe('9 分');
    expect(answerText(nps, 0)).toBe('0 分');
    expect(answerText(choice('single_choice'), 'price')).toBe('价格不透明');
    expect(answerText(choice('multi_choice'), ['late', 'price'])).toBe('交车延期、价格不透明');
    expect(answerText(text, ' 交车很顺利 ')).toBe('交车很顺利');
  });

  it('is null when unanswered', () => {
    expect(answerText(rating, undefined)).toBeNull();
    expect(answerText(choice('multi_choice'), [])).toBeNull();
    expect(answerText(text, '  ')).toBeNull();
    expect(answerText(rating, 'x')).toBeNull();
  });

  it('shows the stored value of an option a later version removed', () => {
    expect(answerText(choice('multi_choice'), ['late', 'parking'])).toBe('交车延期、parking');
  });
});

describe('localWeekStart', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // Monday
    ['2026-11-25', '2026-11-23'],
    ['2026-11-29', '2026-11-23'], // Sunday
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across a year
    ['2026-03-01', '2026-02-23'], // across a month
  ])('%s → %s', (date, monday) => {
    expect(localWeekStart(date)).toBe(monday);
  });

  it('is always the Monday on or before the date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        const monday = localWeekStart(date);
        expect(weekdayOf(monday)).toBe(1);
        expect(monday <= date).toBe(true);
        expect(addDays(monday, 6) >= date).toBe(true);
      }),
    );
  });
});
