import { describe, expect, it } from '@jest/globals';
import { validateAnswers } from './survey-answers.js';
import { DEFAULT_SURVEY_TEMPLATES, EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS } from './survey-defaults.js';
import { scoreSurvey } from './survey-scoring.js';
import { validateTemplateContent } from './survey-template-rules.js';
import {
  DEFAULT_LOW_SCORE_RULE,
  SURVEY_KINDS,
  type RatingQuestion,
  type SurveyAnswers,
  type SurveyKind,
} from './survey.types.js';

const weights = (kind: SurveyKind) =>
  Object.fromEntries(DEFAULT_SURVEY_TEMPLATES[kind].factors.map((factor) => [factor.key, factor.weight]));
const ratings = (kind: SurveyKind) =>
  DEFAULT_SURVEY_TEMPLATES[kind].questions.filter((q): q is RatingQuestion => q.type === 'rating');
const question = (kind: SurveyKind, key: string) =>
  DEFAULT_SURVEY_TEMPLATES[kind].questions.find((q) => q.key === key);

describe('DEFAULT_SURVEY_TEMPLATES', () => {
  it.each(SURVEY_KINDS)('%s passes validateTemplateContent', (kind) => {
    expect(validateTemplateContent(DEFAULT_SURVEY_TEMPLATES[kind])).toEqual({});
  });

  it('has a complete, valid example answer for the test-drive form', () => {
    const questions = DEFAULT_SURVEY_TEMPLATES.test_drive_feedback.questions;
    expect(validateAnswers(questions, EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS, 'final')).toMatchObject({
      ok: true,
    });
    // Every question answered, so it also shows what a full answer looks like.
    expect(Object.keys(EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS).sort()).toEqual(
      questions.map((q) => q.key).sort(),
    );
  });

  it('weights the test-drive form like the test-drive checklist: before 35, during 40, after 25', () => {
    expect(weights('test_drive_feedback')).toEqual({ td_before: 35, td_during: 40, td_after: 25 });
  });

  it('uses the J.D. Power China SSI 2021 factors and weights for sales', () => {
    expect(weights('sales_csi')).toEqual({
      online: 18,
      pre_visit: 10,
      reception: 15,
      product: 13,
      test_drive: 8,
      deal: 16,
      delivery: 20,
    });
    expect(DEFAULT_SURVEY_TEMPLATES.sales_csi.factors.map((f) => f.label)).toEqual([
      '线上体验',
      '到店前沟通',
      '展厅接待',
      '产品体验',
      '试乘试驾',
      '成交',
      '交车',
    ]);
  });

  it('uses the China CSI 2014 factors and weights for service', () => {
    expect(weights('service_ssi')).toEqual({
      service_quality: 24,
      facility: 21,
      pickup: 21,
      advisor: 18,
      initiation: 17,
    });
    expect(DEFAULT_SURVEY_TEMPLATES.service_ssi.factors.map((f) => f.label)).toEqual([
      '服务质量',
      '服务设施',
      '取车',
      '服务顾问',
      '服务启动',
    ]);
  });

  it('keeps the lost-customer survey to one experience factor', () => {
    expect(weights('lost_sales')).toEqual({ experience: 100 });
  });

  it('stays short enough for a phone', () => {
    const count = (kind: SurveyKind) => DEFAULT_SURVEY_TEMPLATES[kind].questions.length;
    expect(count('test_drive_feedback')).toBeGreaterThanOrEqual(8);
    expect(count('test_drive_feedback')).toBeLessThanOrEqual(10);
    expect(count('sales_csi')).toBeGreaterThanOrEqual(15);
    expect(count('sales_csi')).toBeLessThanOrEqual(20);
    expect(count('service_ssi')).toBeLessThanOrEqual(15);
    expect(count('lost_sales')).toBeGreaterThanOrEqual(4);
    expect(count('lost_sales')).toBeLessThanOrEqual(5);
  });

  it.each(SURVEY_KINDS)('%s asks one to three rating questions for every factor', (kind) => {
    for (const factor of DEFAULT_SURVEY_TEMPLATES[kind].factors) {
      const asked = ratings(kind).filter((q) => q.factor === factor.key).length;
      expect([factor.key, asked >= 1 && asked <= 3]).toEqual([factor.key, true]);
    }
  });

  it.each(SURVEY_KINDS)('%s asks the recommend question and uses the default low-score rule', (kind) => {
    const template = DEFAULT_SURVEY_TEMPLATES[kind];
    expect(question(kind, 'nps')).toMatchObject({ type: 'nps', required: true });
    expect(question(kind, 'comment')).toMatchObject({ type: 'text', required: false });
    expect(template.lowScoreRule).toEqual(DEFAULT_LOW_SCORE_RULE);
    // A copy: editing one template's rule must not change the others or the default.
    expect(template.lowScoreRule).not.toBe(DEFAULT_LOW_SCORE_RULE);
  });

  it.each(['test_drive_feedback', 'sales_csi', 'service_ssi'] as const)(
    '%s asks overall satisfaction, and what went wrong after 1–2 stars',
    (kind) => {
      expect(question(kind, 'overall')).toMatchObject({
        type: 'rating',
        factor: null,
        measure: 'overall_satisfaction',
        required: true,
      });
      expect(question(kind, 'problems')).toMatchObject({
        type: 'multi_choice',
        showIf: { question: 'overall', anyOf: [1, 2] },
      });
    },
  );

  it('asks purchase intent after a test drive and repurchase intent after buying', () => {
    expect(question('test_drive_feedback', 'purchase_intent')).toMatchObject({
      type: 'single_choice',
      required: true,
    });
    expect(question('sales_csi', 'repurchase')).toMatchObject({
      type: 'rating',
      factor: null,
      measure: 'repurchase_intent',
    });
    expect(question('lost_sales', 'lost_reason')).toMatchObject({ type: 'single_choice', required: true });
    expect(question('lost_sales', 'experience')).toMatchObject({ type: 'rating', factor: 'experience' });
  });

  it('is written in Chinese', () => {
    const han = /\p{Script=Han}/u;
    for (const kind of SURVEY_KINDS) {
      const template = DEFAULT_SURVEY_TEMPLATES[kind];
      for (const text of [
        template.title,
        template.intro,
        template.thanks,
        ...template.questions.map((q) => q.title),
      ]) {
        expect(han.test(text)).toBe(true);
      }
    }
  });
});

describe('the sales template scores with the SSI weights', () => {
  const answersWith = (byFactor: Record<string, number>): SurveyAnswers =>
    Object.fromEntries(
      ratings('sales_csi')
        .filter((q) => q.factor !== null && byFactor[q.factor] !== undefined)
        .map((q) => [q.key, byFactor[q.factor!]!]),
    );

  it('weighs a poor delivery by its 20 %', () => {
    // Every factor 4 stars (75) except 交车 at 2 stars (25):
    // index = round(10 × ((18+10+15+13+8+16)×75 + 20×25) / 100) = round(10 × (6000 + 500) / 100) = 650
    const score = scoreSurvey(
      DEFAULT_SURVEY_TEMPLATES.sales_csi,
      answersWith({ online: 4, pre_visit: 4, reception: 4, product: 4, test_drive: 4, deal: 4, delivery: 2 }),
    );
    expect(score.index).toBe(650);
    expect(score.lowScoreReasons).toEqual(['「交车」得分 25，低于 60 分']);
  });

  it('leaves out the test drive when the customer did not take one', () => {
    // 试乘试驾 (8) unanswered; 交车 5 stars (100), the rest 3 stars (50):
    // index = round(10 × ((18+10+15+13+16)×50 + 20×100) / 92) = round(10 × (3600 + 2000) / 92)
    //       = round(608.70) = 609
    const score = scoreSurvey(
      DEFAULT_SURVEY_TEMPLATES.sales_csi,
      answersWith({ online: 3, pre_visit: 3, reception: 3, product: 3, deal: 3, delivery: 5 }),
    );
    expect(score.factors.find((f) => f.key === 'test_drive')!.score).toBeNull();
    expect(score.index).toBe(609);
    expect(score.lowScoreReasons).toEqual([
      '「线上体验」得分 50，低于 60 分',
      '「到店前沟通」得分 50，低于 60 分',
      '「展厅接待」得分 50，低于 60 分',
      '「产品体验」得分 50，低于 60 分',
      '「成交」得分 50，低于 60 分',
    ]);
  });
});
