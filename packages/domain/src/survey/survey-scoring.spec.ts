import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_SURVEY_TEMPLATES } from './survey-defaults.js';
import {
  aggregateScores,
  median,
  npsFromCounts,
  npsGroupOf,
  ratingScore,
  scoreSurvey,
} from './survey-scoring.js';
import {
  DEFAULT_LOW_SCORE_RULE,
  SURVEY_KINDS,
  type LowScoreRule,
  type SurveyAnswers,
  type SurveyTemplateContent,
} from './survey.types.js';

/**
 * Two factors, 接待 (weight 18) and 交车 (weight 20). rc_needs counts three times as much as
 * rc_welcome inside 接待. dv_late only shows when the customer gave 1–2 stars overall AND ticked
 * "交车延期" — a chain of two conditions.
 */
const content: Pick<SurveyTemplateContent, 'factors' | 'questions' | 'lowScoreRule'> = {
  factors: [
    { key: 'reception', label: '展厅接待', weight: 18 },
    { key: 'delivery', label: '交车', weight: 20 },
  ],
  questions: [
    { key: 'rc_welcome', type: 'rating', factor: 'reception', title: '接待', required: true },
    { key: 'rc_needs', type: 'rating', factor: 'reception', weight: 3, title: '需求', required: true },
    { key: 'dv_on_time', type: 'rating', factor: 'delivery', title: '按时交车', required: true },
    { key: 'dv_explain', type: 'rating', factor: 'delivery', title: '交车讲解', required: true },
    {
      key: 'overall',
      type: 'rating',
      factor: null,
      measure: 'overall_satisfaction',
      title: '总体满意度',
      required: true,
    },
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
      key: 'dv_late',
      type: 'rating',
      factor: 'delivery',
      title: '延期时的告知',
      required: true,
      showIf: { question: 'problems', anyOf: ['late'] },
    },
    { key: 'nps', type: 'nps', title: '推荐', required: true },
    { key: 'comment', type: 'text', title: '意见', required: false, maxLength: 200 },
  ],
  lowScoreRule: DEFAULT_LOW_SCORE_RULE,
};

const withRule = (lowScoreRule: LowScoreRule) => ({ ...content, lowScoreRule });
const factorScores = (answers: SurveyAnswers) =>
  Object.fromEntries(scoreSurvey(content, answers).factors.map((f) => [f.key, f.score]));

describe('ratingScore', () => {
  it('maps 1–5 stars onto 0–100', () => {
    expect([1, 2, 3, 4, 5].map(ratingScore)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('npsGroupOf', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('%d → %s', (score, group) => {
    expect(npsGroupOf(score)).toBe(group);
  });
});

describe('npsFromCounts', () => {
  it('is % promoters − % detractors with one decimal', () => {
    // (5 − 2) / 10 = 30 %
    expect(npsFromCounts(5, 3, 2)).toBe(30);
    // (2 − 1) / 3 = 33.33… → 33.3;  (1 − 2) / 3 → −33.3
    expect(npsFromCounts(2, 0, 1)).toBe(33.3);
    expect(npsFromCounts(1, 0, 2)).toBe(-33.3);
    // (1 − 2) / 8 = −12.5 exactly
    expect(npsFromCounts(1, 5, 2)).toBe(-12.5);
    expect(npsFromCounts(1, 1, 1)).toBe(0);
    expect(npsFromCounts(4, 0, 0)).toBe(100);
    expect(npsFromCounts(0, 0, 3)).toBe(-100);
    // Passives only: 0, not null.
    expect(npsFromCounts(0, 2, 0)).toBe(0);
  });

  it('is null without answers', () => {
    expect(npsFromCounts(0, 0, 0)).toBeNull();
  });

  it('always lies within −100…100 (property)', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (p, pa, d) => {
        const nps = npsFromCounts(p, pa, d);
        if (p + pa + d === 0) expect(nps).toBeNull();
        else {
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('scoreSurvey: factor scores and the index', () => {
  it('weights the factors (the spec example)', () => {
    // 接待: rc_welcome 4 stars → 75.   交车: dv_on_time 3 stars → 50.
    // index = round(10 × (18×75 + 20×50) / (18+20)) = round(10 × 2350 / 38) = round(618.42) = 618
    const score = scoreSurvey(content, { rc_welcome: 4, dv_on_time: 3 });
    expect(score.factors).toEqual([
      { key: 'reception', label: '展厅接待', weight: 18, score: 75 },
      { key: 'delivery', label: '交车', weight: 20, score: 50 },
    ]);
    expect(score.index).toBe(618);
  });

  it('weights the questions inside a factor and rounds the factor to one decimal first', () => {
    // 接待: rc_welcome 5 → 100 (weight 1), rc_needs 2 → 25 (weight 3)
    //        (1×100 + 3×25) / 4 = 175 / 4 = 43.75 → 43.8
    // 交车: dv_on_time 4 → 75, dv_explain 5 → 100 → 87.5
    // index = round(10 × (18×43.8 + 20×87.5) / 38) = round(10 × (788.4 + 1750) / 38)
    //       = round(10 × 2538.4 / 38) = round(668.0) = 668
    const score = scoreSurvey(content, { rc_welcome: 5, rc_needs: 2, dv_on_time: 4, dv_explain: 5 });
    expect(score.factors.map((f) => f.score)).toEqual([43.8, 87.5]);
    expect(score.index).toBe(668);
  });

  it('scores partial answers from the factors that have an answer', () => {
    // Only 接待 answered: rc_needs 3 → 50; 交车 has no score and drops out of the index:
    // index = round(10 × 18×50 / 18) = 500
    const score = scoreSurvey(content, { rc_needs: 3 });
    expect(score.factors.map((f) => f.score)).toEqual([50, null]);
    expect(score.index).toBe(500);
  });

  it('has no index, nps or overall without answers, and is not low', () => {
    expect(scoreSurvey(content, {})).toEqual({
      factors: [
        { key: 'reception', label: '展厅接待', weight: 18, score: null },
        { key: 'delivery', label: '交车', weight: 20, score: null },
      ],
      index: null,
      nps: null,
      npsGroup: null,
      overall: null,
      lowScore: false,
      lowScoreReasons: [],
    });
  });

  it('ignores answers to hidden conditional questions, also along a chain', () => {
    // overall 4 hides "problems", which hides dv_late: its 1 star is left out.
    // 接待 rc_welcome 5 → 100, 交车 dv_on_time 5 → 100 → index 1000.
    const hidden = { rc_welcome: 5, dv_on_time: 5, overall: 4, problems: ['late'], dv_late: 1 };
    expect(scoreSurvey(content, hidden).index).toBe(1000);
    expect(factorScores(hidden)).toEqual({ reception: 100, delivery: 100 });

    // overall 2 shows "problems" (late ticked), which shows dv_late: 交车 = (100 + 0) / 2 = 50
    // index = round(10 × (18×100 + 20×50) / 38) = round(10 × 2800 / 38) = round(736.84) = 737
    const shown = { ...hidden, overall: 2 };
    expect(factorScores(shown)).toEqual({ reception: 100, delivery: 50 });
    expect(scoreSurvey(content, shown).index).toBe(737);

    // overall 2 but only "price" ticked: dv_late stays hidden.
    expect(factorScores({ ...shown, problems: ['price'] })).toEqual({ reception: 100, delivery: 100 });
  });

  it('leaves outcome ratings (factor null) out of the index', () => {
    // overall 1 star does not touch the factors: 接待 rc_welcome 5 → 100 → index 1000.
    const score = scoreSurvey(content, { rc_welcome: 5, overall: 1 });
    expect(score.index).toBe(1000);
    expect(score.overall).toBe(1);
  });

  it('ignores malformed values (the API validates first; this is a safety net)', () => {
    const score = scoreSurvey(content, { rc_welcome: 7, rc_needs: 2.5, dv_on_time: '5', nps: 11 });
    expect(score.index).toBeNull();
    expect(score.nps).toBeNull();
  });

  it('gives a factor without questions no score', () => {
    const score = scoreSurvey(
      { ...content, factors: [...content.factors, { key: 'online', label: '线上体验', weight: 50 }] },
      { rc_welcome: 4, dv_on_time: 3 },
    );
    expect(score.factors[2]!.score).toBeNull();
    expect(score.index).toBe(618);
  });
});

describe('scoreSurvey: NPS and overall', () => {
  it.each([
    [6, 'detractor', true],
    [7, 'passive', false],
    [8, 'passive', false],
    [9, 'promoter', false],
    [0, 'detractor', true],
    [10, 'promoter', false],
  ] as const)('nps %d → %s, low %s (npsAtMost 6)', (nps, group, low) => {
    const score = scoreSurvey(content, { nps });
    expect(score.nps).toBe(nps);
    expect(score.npsGroup).toBe(group);
    expect(score.lowScore).toBe(low);
    expect(score.lowScoreReasons).toEqual(low ? [`推荐意愿 ${nps} 分`] : []);
  });
});

describe('scoreSurvey: low-score rule', () => {
  it('flags a factor strictly below factorBelow, with its score', () => {
    // 交车: dv_on_time 2 → 25, dv_explain 3 → 50 → 37.5 < 60.  接待 rc_welcome 4 → 75 is fine.
    const score = scoreSurvey(content, { rc_welcome: 4, dv_on_time: 2, dv_explain: 3 });
    expect(score.lowScore).toBe(true);
    expect(score.lowScoreReasons).toEqual(['「交车」得分 37.5，低于 60 分']);
  });

  it('does not flag a factor exactly at the threshold', () => {
    // 交车: 3 → 50 and 4 → 75 → 62.5; with factorBelow 62.5 it is not below.
    const answers = { dv_on_time: 3, dv_explain: 4 };
    expect(scoreSurvey(withRule({ ...DEFAULT_LOW_SCORE_RULE, factorBelow: 62.5 }), answers).lowScore).toBe(
      false,
    );
    expect(
      scoreSurvey(withRule({ ...DEFAULT_LOW_SCORE_RULE, factorBelow: 62.6 }), answers).lowScoreReasons,
    ).toEqual(['「交车」得分 62.5，低于 62.6 分']);
  });

  it('flags overall at most overallAtMost stars', () => {
    expect(scoreSurvey(content, { overall: 2, problems: ['price'] }).lowScoreReasons).toEqual([
      '整体满意度 2 星',
    ]);
    expect(scoreSurvey(content, { overall: 1, problems: ['price'] }).lowScoreReasons).toEqual([
      '整体满意度 1 星',
    ]);
    expect(scoreSurvey(content, { overall: 3 }).lowScore).toBe(false);
  });

  it('lists every reason in order: factors, overall, recommend', () => {
    // 接待 rc_welcome 1 → 0;  交车 dv_on_time 2 → 25;  overall 1;  nps 3.
    const score = scoreSurvey(content, {
      rc_welcome: 1,
      dv_on_time: 2,
      overall: 1,
      problems: ['price'],
      nps: 3,
    });
    expect(score.lowScoreReasons).toEqual([
      '「展厅接待」得分 0，低于 60 分',
      '「交车」得分 25，低于 60 分',
      '整体满意度 1 星',
      '推荐意愿 3 分',
    ]);
    // index = round(10 × (18×0 + 20×25) / 38) = round(131.58) = 132
    expect(score.index).toBe(132);
  });

  it('ignores switched-off parts (null)', () => {
    const awful = { rc_welcome: 1, dv_on_time: 1, overall: 1, problems: ['price'], nps: 0 };
    const off = { factorBelow: null, overallAtMost: null, npsAtMost: null };
    expect(scoreSurvey(withRule(off), awful)).toMatchObject({
      lowScore: false,
      lowScoreReasons: [],
      index: 0,
    });
    expect(scoreSurvey(withRule({ ...off, factorBelow: 60 }), awful).lowScoreReasons).toEqual([
      '「展厅接待」得分 0，低于 60 分',
      '「交车」得分 0，低于 60 分',
    ]);
    expect(scoreSurvey(withRule({ ...off, overallAtMost: 2 }), awful).lowScoreReasons).toEqual([
      '整体满意度 1 星',
    ]);
    expect(scoreSurvey(withRule({ ...off, npsAtMost: 6 }), awful).lowScoreReasons).toEqual(['推荐意愿 0 分']);
  });
});

describe('scoreSurvey: properties', () => {
  const stars = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });

  it('keeps factors within 0–100 and the index within 0–1000, recomputable from the factors', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.record({
          rc_welcome: stars,
          rc_needs: stars,
          dv_on_time: stars,
          dv_explain: stars,
          dv_late: stars,
        }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (w1, w2, qw, ratings, overallStars) => {
          const answers: SurveyAnswers = { problems: ['late'] };
          for (const [key, value] of Object.entries({ ...ratings, overall: overallStars })) {
            if (value !== undefined) answers[key] = value;
          }
          const questions = content.questions.map((q) => (q.key === 'rc_needs' ? { ...q, weight: qw } : q));
          const factors = [
            { ...content.factors[0]!, weight: w1 },
            { ...content.factors[1]!, weight: w2 },
          ];
          const score = scoreSurvey({ ...content, factors, questions }, answers);
          const scored = score.factors.filter((f) => f.score !== null);
          for (const f of scored) {
            expect(f.score).toBeGreaterThanOrEqual(0);
            expect(f.score).toBeLessThanOrEqual(100);
          }
          if (scored.length === 0) expect(score.index).toBeNull();
          else {
            expect(score.index).toBeGreaterThanOrEqual(0);
            expect(score.index).toBeLessThanOrEqual(1000);
            expect(Number.isInteger(score.index)).toBe(true);
            const sum = scored.reduce((s, f) => s + f.weight * f.score!, 0);
            const weights = scored.reduce((s, f) => s + f.weight, 0);
            expect(Math.abs(score.index! - (10 * sum) / weights)).toBeLessThanOrEqual(0.5 + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives 1000 for all five stars and 0 for all one star on every default template', () => {
    for (const kind of SURVEY_KINDS) {
      const template = DEFAULT_SURVEY_TEMPLATES[kind];
      const all = (value: number): SurveyAnswers =>
        Object.fromEntries(template.questions.filter((q) => q.type === 'rating').map((q) => [q.key, value]));
      expect(scoreSurvey(template, all(5)).index).toBe(1000);
      expect(scoreSurvey(template, all(1)).index).toBe(0);
    }
  });
});

describe('aggregateScores', () => {
  it('averages the index, counts NPS groups and low scores', () => {
    // index: (618 + 737 + 900) / 3 = 2255 / 3 = 751.67 → 752 (the null index is left out)
    // nps: one promoter (9), one passive (7), one detractor (6) → (1 − 1) / 3 = 0
    expect(
      aggregateScores([
        { index: 618, nps: 9, lowScore: false },
        { index: 737, nps: 6, lowScore: true },
        { index: null, nps: 7, lowScore: false },
        { index: 900, nps: null, lowScore: false },
      ]),
    ).toEqual({ responses: 4, index: 752, nps: 0, promoters: 1, passives: 1, detractors: 1, lowScores: 1 });
  });

  it('gives nulls for no responses', () => {
    expect(aggregateScores([])).toEqual({
      responses: 0,
      index: null,
      nps: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      lowScores: 0,
    });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2, 33, 4])).toBe(7);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
