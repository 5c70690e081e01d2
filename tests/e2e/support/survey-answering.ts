import { expect, type Page } from '@playwright/test';

export interface AnswerPlan {
  /** Stars for rating questions, by key; every other rating question gets 5. */
  stars?: Record<string, number>;
  /** The 0–10 recommend answer. */
  nps?: number;
  /** Text for free-text questions. */
  comment?: string;
}

/**
 * Answers the open survey question by question until the submit button shows, whatever the
 * template holds: ratings as planned (5 by default), the recommend score, the first option of a
 * choice, the comment in text boxes. Returns the keys answered, in order.
 */
export async function answerSurvey(page: Page, plan: AnswerPlan): Promise<string[]> {
  const answered: string[] = [];
  for (let step = 0; step < 60; step++) {
    const question = page.getByTestId('survey-question');
    await expect(question).toBeVisible();
    const key = (await question.getAttribute('data-key'))!;
    const type = (await question.getAttribute('data-type'))!;
    if (answered.includes(key)) throw new Error(`question ${key} came back: the form did not move on`);
    answered.push(key);
    switch (type) {
      case 'rating':
        await question.getByTestId(`survey-star-${plan.stars?.[key] ?? 5}`).click();
        break;
      case 'nps':
        await question.getByTestId(`survey-nps-${plan.nps ?? 9}`).click();
        break;
      case 'single_choice':
      case 'multi_choice':
        await question.locator('[data-testid^="survey-option-"]').first().click();
        break;
      case 'text':
        await question.locator('textarea').fill(plan.comment ?? '');
        break;
      default:
        throw new Error(`unknown question type ${type}`);
    }
    const submit = page.getByTestId('survey-submit');
    if (await submit.isVisible()) return answered;
    await page.getByTestId('survey-next').click();
    // The next question replaces this one; wait until it has.
    await expect(page.getByTestId('survey-question')).not.toHaveAttribute('data-key', key);
  }
  throw new Error('the survey never reached its submit button');
}

/** Opens the first pending survey from 我的 → 待评价问卷 and passes the intro screen. */
export async function openPendingSurvey(page: Page): Promise<void> {
  await page.goto('/m/');
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await page.locator('.my-surveys').click();
  await page.getByTestId('pending-survey-item').first().click();
  await page.getByTestId('survey-start').click();
}
