/**
 * Scores a response the way J.D. Power's SSI/CSI indices are built: each factor 0–100 from its
 * star ratings, a 1,000-point index from the weighted factors, NPS from the 0–10 recommend answer,
 * and the low-score rule that opens a callback.
 */
import { formatNumber, ownValue, roundTo, weightedMean } from './survey-math.js';
import { visibleQuestions } from './survey-visibility.js';
import type {
  FactorScore,
  NpsGroup,
  RatingQuestion,
  ScoreAggregate,
  SurveyAnswers,
  SurveyScore,
  SurveyTemplateContent,
} from './survey.types.js';

/** 1 star → 0, 3 stars → 50, 5 stars → 100. */
export function ratingScore(stars: number): number {
  return ((stars - 1) / 4) * 100;
}

/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsGroupOf(score: number): NpsGroup {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** Net promoter score: % promoters − % detractors, −100…100 with one decimal; null without answers. */
export function npsFromCounts(promoters: number, passives: number, detractors: number): number | null {
  const total = promoters + passives + detractors;
  if (total <= 0) return null;
  return roundTo(((promoters - detractors) / total) * 100, 1);
}

function isStars(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

function isNpsScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * Scores answers against a template version. Only visible questions count, so an answer left
 * behind by a changed condition is ignored. Factor scores are rounded to one decimal before the
 * index is computed, so the index can be recomputed from the factor scores that are stored.
 */
export function scoreSurvey(
  content: Pick<SurveyTemplateContent, 'factors' | 'questions' | 'lowScoreRule'>,
  answers: SurveyAnswers,
): SurveyScore {
  const shown = visibleQuestions(content.questions, answers);
  const ratings = shown.filter((question): question is RatingQuestion => question.type === 'rating');

  const factors: FactorScore[] = content.factors.map((factor) => {
    const entries = ratings
      .filter((question) => question.factor === factor.key)
      .flatMap((question) => {
        const stars = ownValue(answers, question.key);
        return isStars(stars) ? [{ value: ratingScore(stars), weight: question.weight ?? 1 }] : [];
      });
    const mean = weightedMean(entries);
    return {
      key: factor.key,
      label: factor.label,
      weight: factor.weight,
      score: mean === null ? null : roundTo(mean, 1),
    };
  });

  const weighted = factors.flatMap((factor) =>
    factor.score !== null && factor.weight > 0 ? [{ value: factor.score, weight: factor.weight }] : [],
  );
  const mean = weightedMean(weighted);
  const index = mean === null ? null : Math.round(roundTo(mean * 10, 6));

  const npsAnswer = shown
    .filter((question) => question.type === 'nps')
    .map((question) => ownValue(answers, question.key))
    .find(isNpsScore);
  const nps = npsAnswer ?? null;
  const overallAnswer = ratings
    .filter((question) => question.measure === 'overall_satisfaction')
    .map((question) => ownValue(answers, question.key))
    .find(isStars);
  const overall = overallAnswer ?? null;

  const rule = content.lowScoreRule;
  const reasons: string[] = [];
  if (rule.factorBelow !== null) {
    for (const factor of factors) {
      if (factor.score !== null && factor.score < rule.factorBelow) {
        reasons.push(
          `「${factor.label}」得分 ${formatNumber(factor.score)}，低于 ${formatNumber(rule.factorBelow)} 分`,
        );
      }
    }
  }
  if (rule.overallAtMost !== null && overall !== null && overall <= rule.overallAtMost) {
    reasons.push(`整体满意度 ${overall} 星`);
  }
  if (rule.npsAtMost !== null && nps !== null && nps <= rule.npsAtMost) {
    reasons.push(`推荐意愿 ${nps} 分`);
  }

  return {
    factors,
    index,
    nps,
    npsGroup: nps === null ? null : npsGroupOf(nps),
    overall,
    lowScore: reasons.length > 0,
    lowScoreReasons: reasons,
  };
}

/** Summary of many responses: mean index (whole points), NPS and how many were low. */
export function aggregateScores(
  rows: Array<{ index: number | null; nps: number | null; lowScore: boolean }>,
): ScoreAggregate {
  let indexSum = 0;
  let indexCount = 0;
  const groups: Record<NpsGroup, number> = { promoter: 0, passive: 0, detractor: 0 };
  let lowScores = 0;
  for (const row of rows) {
    if (row.index !== null && Number.isFinite(row.index)) {
      indexSum += row.index;
      indexCount += 1;
    }
    if (row.nps !== null && Number.isFinite(row.nps)) groups[npsGroupOf(row.nps)] += 1;
    if (row.lowScore) lowScores += 1;
  }
  return {
    responses: rows.length,
    index: indexCount > 0 ? Math.round(roundTo(indexSum / indexCount, 6)) : null,
    nps: npsFromCounts(groups.promoter, groups.passive, groups.detractor),
    promoters: groups.promoter,
    passives: groups.passive,
    detractors: groups.detractor,
    lowScores,
  };
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
