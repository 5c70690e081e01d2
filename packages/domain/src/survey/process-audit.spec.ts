import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_SALES_AUDIT, normaliseWeights, scoreAudit, validateAuditMarks } from './process-audit.js';
import type { AuditMarks, AuditStep } from './survey.types.js';

const stepOf = (key: string): AuditStep => DEFAULT_SALES_AUDIT.steps.find((s) => s.key === key)!;
const allItems = DEFAULT_SALES_AUDIT.steps.flatMap((s) => s.groups.flatMap((g) => g.items));
const markAll = (value: boolean | null): AuditMarks =>
  Object.fromEntries(allItems.map((item) => [item.key, value]));

describe('DEFAULT_SALES_AUDIT', () => {
  it('is the sales_process template, version 1, with the published step weights', () => {
    expect(DEFAULT_SALES_AUDIT.key).toBe('sales_process');
    expect(DEFAULT_SALES_AUDIT.version).toBe(1);
    expect(DEFAULT_SALES_AUDIT.steps.map((s) => [s.key, s.label, s.publishedWeight])).toEqual([
      ['reception', '顾客接待', 5],
      ['needs_analysis', '需求分析', 5],
      ['presentation', '产品介绍', 5],
      ['test_drive', '试乘试驾', 8],
      ['closing', '签约成交', 20],
      ['delivery', '交车', 40],
      ['follow_up', '售后跟踪', null],
    ]);
  });

  it('keeps each group at its published weight, or null where the standard gave none', () => {
    const groupWeights = (key: string) => stepOf(key).groups.map((g) => g.publishedWeight);
    expect(groupWeights('reception')).toEqual([null, null, null, null, null]);
    expect(groupWeights('needs_analysis')).toEqual([50, 50]);
    expect(groupWeights('presentation')).toEqual([20, 20, 30, 30]);
    expect(groupWeights('test_drive')).toEqual([35, 40, 25]);
    expect(groupWeights('closing')).toEqual([24, 6, 6, 5, 5, 5, 6, 6, 12, 25]);
    expect(groupWeights('delivery')).toEqual([11, 18, 12, 8, 8, 8, 15, 10]);
    expect(groupWeights('follow_up')).toEqual([null, null, 30, 30]);
  });

  it('keys items <step>_<group>_<n>, unique across the template', () => {
    for (const s of DEFAULT_SALES_AUDIT.steps) {
      for (const g of s.groups) {
        expect(g.items.length).toBeGreaterThan(0);
        g.items.forEach((item, index) => expect(item.key).toBe(`${s.key}_${g.key}_${index + 1}`));
      }
    }
    expect(new Set(allItems.map((item) => item.key)).size).toBe(allItems.length);
  });

  it('labels everything in Chinese', () => {
    const han = /\p{Script=Han}/u;
    const labels = [
      DEFAULT_SALES_AUDIT.title,
      ...DEFAULT_SALES_AUDIT.steps.flatMap((s) => [
        s.label,
        ...s.groups.flatMap((g) => [g.label, ...g.items.map((i) => i.label)]),
      ]),
    ];
    for (const label of labels) expect(han.test(label)).toBe(true);
  });
});

describe('normaliseWeights', () => {
  const rowsOf = (s: { groups: AuditStep['groups'] }) =>
    s.groups.map((g) => ({ key: g.key, publishedWeight: g.publishedWeight }));

  it('scales the delivery step, whose published rows add up to 90, to 100', () => {
    // 11/90 → 12.2, 18/90 → 20, 12/90 → 13.3, 8/90 → 8.9 (×3), 15/90 → 16.7, 10/90 → 11.1
    const note = '原表合计 90%，按比例换算为 100%';
    expect(normaliseWeights(rowsOf(stepOf('delivery')))).toEqual([
      { key: 'on_time', weight: 12.2, note },
      { key: 'planned', weight: 20, note },
      { key: 'preparation', weight: 13.3, note },
      { key: 'arrival', weight: 8.9, note },
      { key: 'documents', weight: 8.9, note },
      { key: 'service_handover', weight: 8.9, note },
      { key: 'vehicle', weight: 16.7, note },
      { key: 'ceremony', weight: 11.1, note },
    ]);
  });

  it('lets the two unweighted follow-up rows share the remaining 40', () => {
    const note = '原表未给权重，按剩余 40% 平均分配';
    expect(normaliseWeights(rowsOf(stepOf('follow_up')))).toEqual([
      { key: 'preparation', weight: 20, note },
      { key: 'thank_you', weight: 20, note },
      { key: 'service_call', weight: 30, note: null },
      { key: 'regular_contact', weight: 30, note: null },
    ]);
  });

  it('shares equally when nothing is weighted (reception)', () => {
    const note = '原表未给权重，平均分配';
    expect(normaliseWeights(rowsOf(stepOf('reception')))).toEqual(
      ['arrival', 'browsing', 'talking', 'leaving', 'phone'].map((key) => ({ key, weight: 20, note })),
    );
  });

  it('gives the unweighted follow-up step the rest of the whole audit: 17', () => {
    const steps = DEFAULT_SALES_AUDIT.steps.map((s) => ({ key: s.key, publishedWeight: s.publishedWeight }));
    expect(normaliseWeights(steps)).toEqual([
      { key: 'reception', weight: 5, note: null },
      { key: 'needs_analysis', weight: 5, note: null },
      { key: 'presentation', weight: 5, note: null },
      { key: 'test_drive', weight: 8, note: null },
      { key: 'closing', weight: 20, note: null },
      { key: 'delivery', weight: 40, note: null },
      { key: 'follow_up', weight: 17, note: '原表未给权重，按剩余 17% 平均分配' },
    ]);
  });

  it('leaves weights that add up to 100 alone', () => {
    expect(normaliseWeights(rowsOf(stepOf('closing'))).every((row) => row.note === null)).toBe(true);
    expect(normaliseWeights(rowsOf(stepOf('test_drive'))).map((row) => row.weight)).toEqual([35, 40, 25]);
  });

  it('handles the odd cases: nothing, too much published, thirds', () => {
    expect(normaliseWeights([])).toEqual([]);
    // 60 + 60 = 120: nothing is left for the unweighted row; the rest is scaled to 100.
    expect(
      normaliseWeights([
        { key: 'a', publishedWeight: 60 },
        { key: 'b', publishedWeight: 60 },
        { key: 'c', publishedWeight: null },
      ]),
    ).toEqual([
      { key: 'a', weight: 50, note: '原表合计 120%，按比例换算为 100%' },
      { key: 'b', weight: 50, note: '原表合计 120%，按比例换算为 100%' },
      {
        key: 'c',
        weight: 0,
        note: '原表未给权重，其余各项已占满 100%，不计分；原表合计 120%，按比例换算为 100%',
      },
    ]);
    // 50 left for three rows: 16.67 each, shown as 16.7.
    expect(
      normaliseWeights([
        { key: 'a', publishedWeight: 50 },
        { key: 'b', publishedWeight: null },
        { key: 'c', publishedWeight: null },
        { key: 'd', publishedWeight: null },
      ]).map((row) => row.weight),
    ).toEqual([50, 16.7, 16.7, 16.7]);
  });

  it('always adds up to 100 (to rounding) and keeps published proportions (property)', () => {
    const rows = fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(rows, (weights) => {
        const result = normaliseWeights(
          weights.map((publishedWeight, i) => ({ key: `r${i}`, publishedWeight })),
        );
        const sum = result.reduce((s, row) => s + row.weight, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05 * result.length + 1e-9);
        for (const row of result) expect(row.weight).toBeGreaterThanOrEqual(0);
        // Two published rows keep their order of size.
        weights.forEach((a, i) =>
          weights.forEach((b, j) => {
            if (a !== null && b !== null && a > b)
              expect(result[i]!.weight).toBeGreaterThanOrEqual(result[j]!.weight);
          }),
        );
      }),
    );
  });
});

describe('scoreAudit', () => {
  const stepScores = (marks: AuditMarks) =>
    Object.fromEntries(scoreAudit(DEFAULT_SALES_AUDIT, marks).steps.map((s) => [s.key, s.score]));

  it('scores a step as the weighted mean of its groups, leaving n/a out', () => {
    const marks: AuditMarks = {
      delivery_on_time_1: true, // on time 1/1 → 100 (weight 12.2)
      delivery_planned_1: true, // time planned 1/2 → 50 (weight 20)
      delivery_planned_2: false,
      delivery_preparation_1: true, // preparation 2/2 → 100 (weight 13.3)
      delivery_preparation_2: true,
      delivery_arrival_1: false, // arrival 0/1 → 0 (weight 8.9); the badge is n/a
      delivery_arrival_2: null,
    };
    // delivery = (12.2×100 + 20×50 + 13.3×100 + 8.9×0) / (12.2 + 20 + 13.3 + 8.9)
    //          = (1220 + 1000 + 1330) / 54.4 = 3550 / 54.4 = 65.26 → 65.3
    const score = scoreAudit(DEFAULT_SALES_AUDIT, marks);
    expect(score.steps.find((s) => s.key === 'delivery')).toEqual({
      key: 'delivery',
      label: '交车',
      weight: 40,
      score: 65.3,
    });
    // The only scored step: total = 65.3
    expect(score.total).toBe(65.3);
  });

  it('leaves a group with only n/a items out of its step, and weighs steps into the total', () => {
    const marks: AuditMarks = {
      // test drive: before 3/4 → 75 (35); during 3/3 → 100 (40); after all n/a → left out (25)
      test_drive_before_1: true,
      test_drive_before_2: true,
      test_drive_before_3: true,
      test_drive_before_4: false,
      test_drive_during_1: true,
      test_drive_during_2: true,
      test_drive_during_3: true,
      test_drive_after_1: null,
      test_drive_after_2: null,
      // closing: price 100 (24), contract 0 (25), paperwork 100 (12)
      closing_price_1: true,
      closing_contract_1: false,
      closing_paperwork_1: true,
    };
    // test drive = (35×75 + 40×100) / 75 = 6625 / 75 = 88.33 → 88.3
    // closing    = (24×100 + 25×0 + 12×100) / 61 = 3600 / 61 = 59.02 → 59.0
    // total      = (8×88.3 + 20×59) / 28 = (706.4 + 1180) / 28 = 1886.4 / 28 = 67.37 → 67.4
    expect(stepScores(marks)).toEqual({
      reception: null,
      needs_analysis: null,
      presentation: null,
      test_drive: 88.3,
      closing: 59,
      delivery: null,
      follow_up: null,
    });
    expect(scoreAudit(DEFAULT_SALES_AUDIT, marks).total).toBe(67.4);
  });

  it('uses the filled-in weights of the follow-up step', () => {
    // preparation 100 (20), thank-you 0 (20), service call 100 (30), regular contact 1/2 → 50 (30)
    // follow-up = (20×100 + 20×0 + 30×100 + 30×50) / 100 = 6500 / 100 = 65
    const marks: AuditMarks = {
      follow_up_preparation_1: true,
      follow_up_thank_you_1: false,
      follow_up_service_call_1: true,
      follow_up_regular_contact_1: true,
      follow_up_regular_contact_2: false,
    };
    expect(stepScores(marks).follow_up).toBe(65);
    expect(scoreAudit(DEFAULT_SALES_AUDIT, marks).total).toBe(65);
  });

  it('gives 100 for everything done, 0 for nothing done, null for nothing applicable', () => {
    const full = scoreAudit(DEFAULT_SALES_AUDIT, markAll(true));
    expect(full.total).toBe(100);
    expect(full.steps.map((s) => s.score)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(full.steps.map((s) => s.weight)).toEqual([5, 5, 5, 8, 20, 40, 17]);
    expect(scoreAudit(DEFAULT_SALES_AUDIT, markAll(false)).total).toBe(0);
    expect(scoreAudit(DEFAULT_SALES_AUDIT, markAll(null)).total).toBeNull();
    expect(scoreAudit(DEFAULT_SALES_AUDIT, {}).total).toBeNull();
  });

  it('stays within 0–100 (property)', () => {
    const mark = fc.constantFrom<boolean | null | undefined>(true, false, null, undefined);
    fc.assert(
      fc.property(fc.array(mark, { minLength: allItems.length, maxLength: allItems.length }), (values) => {
        const marks: AuditMarks = {};
        values.forEach((value, i) => {
          if (value !== undefined) marks[allItems[i]!.key] = value;
        });
        const score = scoreAudit(DEFAULT_SALES_AUDIT, marks);
        for (const value of [score.total, ...score.steps.map((s) => s.score)]) {
          if (value === null) continue;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        expect(score.total === null).toBe(score.steps.every((s) => s.score === null));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateAuditMarks', () => {
  it('accepts done, not done and n/a for known items', () => {
    expect(
      validateAuditMarks(DEFAULT_SALES_AUDIT, {
        delivery_on_time_1: true,
        closing_price_1: false,
        delivery_ceremony_1: null,
      }),
    ).toEqual({});
  });

  it('refuses unknown items and values other than true, false or null', () => {
    expect(
      validateAuditMarks(DEFAULT_SALES_AUDIT, {
        delivery_on_time_1: true,
        delivery_on_time_2: true,
        closing_price_1: 'yes',
        closing_fees_1: 1,
      }),
    ).toEqual({
      delivery_on_time_2: '检核表中没有这一项',
      closing_price_1: '请选择 做到 / 未做到 / 不适用',
      closing_fees_1: '请选择 做到 / 未做到 / 不适用',
    });
  });

  it('needs at least one item marked done or not done', () => {
    expect(validateAuditMarks(DEFAULT_SALES_AUDIT, {})).toEqual({ marks: '请至少评定一项（做到或未做到）' });
    expect(validateAuditMarks(DEFAULT_SALES_AUDIT, { delivery_on_time_1: null })).toEqual({
      marks: '请至少评定一项（做到或未做到）',
    });
  });

  it('refuses something that is not a marks object', () => {
    for (const marks of [null, [], 'all', 1]) {
      expect(validateAuditMarks(DEFAULT_SALES_AUDIT, marks)).toEqual({ marks: '检核结果格式不正确' });
    }
  });
});
