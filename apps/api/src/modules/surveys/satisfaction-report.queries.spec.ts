import { describe, expect, it } from '@jest/globals';
import { aggregateScores, npsGroupOf, roundTo } from '@dealer-care/domain';
import { aggregateFromSums, type ScoreSums } from './satisfaction-report.queries.js';
import { csvColumns } from './satisfaction-report.service.js';

/** What the SQL of scoreSums returns for these rows. */
function sumsOf(rows: Array<{ index: number | null; nps: number | null; lowScore: boolean }>): ScoreSums {
  const withIndex = rows.filter((row) => row.index !== null);
  const group = (name: string) =>
    rows.filter((row) => row.nps !== null && npsGroupOf(row.nps) === name).length;
  return {
    responses: rows.length,
    indexSum: withIndex.reduce((sum, row) => sum + row.index!, 0),
    indexCount: withIndex.length,
    promoters: group('promoter'),
    passives: group('passive'),
    detractors: group('detractor'),
    lowScores: rows.filter((row) => row.lowScore).length,
  };
}

describe('aggregateFromSums', () => {
  it('gives what the domain’s aggregateScores gives for the same rows', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let run = 0; run < 300; run++) {
      const rows = Array.from({ length: Math.floor(next() * 40) }, () => ({
        index: next() < 0.1 ? null : Math.floor(next() * 1001),
        nps: next() < 0.1 ? null : Math.floor(next() * 11),
        lowScore: next() < 0.2,
      }));
      expect(aggregateFromSums(sumsOf(rows))).toEqual(aggregateScores(rows));
    }
  });

  it('rounds a half up, as the domain does', () => {
    expect(
      aggregateFromSums(sumsOf([1000, 731].map((index) => ({ index, nps: null, lowScore: false })))).index,
    ).toBe(866);
    expect(roundTo(67.5 / 60, 1)).toBe(1.1);
    expect(roundTo(0.75, 1)).toBe(0.8);
    expect(roundTo(-0.25, 1)).toBe(-0.3);
  });
});

describe('csvColumns', () => {
  it('takes every key of every version, the newest wording first, and tells alike titles apart', () => {
    const columns = csvColumns([
      {
        factors: [{ key: 'a', label: '甲', weight: 60 }],
        questions: [
          { key: 'q1', type: 'rating', factor: 'a', title: '满意吗？', required: true },
          { key: 'q3', type: 'text', title: '意见', required: false, maxLength: 100 },
          { key: 'q4', type: 'text', title: '意见', required: false, maxLength: 100 },
        ],
      },
      {
        factors: [
          { key: 'a', label: '旧甲', weight: 50 },
          { key: 'b', label: '乙', weight: 50 },
        ],
        questions: [
          { key: 'q1', type: 'rating', factor: 'a', title: '旧题', required: true },
          { key: 'q2', type: 'nps', title: '推荐吗？', required: true },
        ],
      },
    ]);
    expect(columns.factors.map((factor) => factor.label)).toEqual(['甲', '乙']);
    expect(columns.questions).toEqual([
      { key: 'q1', header: '满意吗？（星）' },
      { key: 'q3', header: '意见（q3）' },
      { key: 'q4', header: '意见（q4）' },
      { key: 'q2', header: '推荐吗？（0–10）' },
    ]);
  });
});
