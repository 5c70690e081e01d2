import type { SatisfactionSummary } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  CHART_COLORS,
  barChartHeight,
  factorAxisLabel,
  factorBarOption,
  factorColor,
  storeBarOption,
  weakestFirst,
  weeklyTrendOption,
} from './charts';

const agg = { responses: 10, promoters: 5, passives: 3, detractors: 2, lowScores: 1 };

type Series = Array<{ name?: string; type: string; data: unknown[]; yAxisIndex?: number }>;
const seriesOf = (option: ReturnType<typeof weeklyTrendOption>) => option.series as Series;

describe('weeklyTrendOption', () => {
  const byWeek: SatisfactionSummary['byWeek'] = [
    { ...agg, week: '2025-11-17', index: 812.4, nps: 30 },
    { ...agg, week: '2025-11-03', index: 790, nps: 12.345 },
    { ...agg, week: '2025-11-10', index: null, nps: null, responses: 0 },
  ];

  it('puts weeks in order with the index on the left axis and NPS on the right', () => {
    const option = weeklyTrendOption(byWeek);
    expect((option.xAxis as { data: string[] }).data).toEqual(['11/3', '11/10', '11/17']);
    const [index, nps] = seriesOf(option);
    expect(index).toMatchObject({ name: '满意度指数', type: 'line', yAxisIndex: 0, data: [790, null, 812] });
    expect(nps).toMatchObject({ name: 'NPS', type: 'line', yAxisIndex: 1, data: [12.3, null, 30] });
    expect(option.yAxis).toEqual([
      expect.objectContaining({ min: 0, max: 1000 }),
      expect.objectContaining({ min: -100, max: 100 }),
    ]);
  });

  it('leaves gaps for weeks without answers instead of drawing zero', () => {
    expect(seriesOf(weeklyTrendOption(byWeek))[0]!.data[1]).toBeNull();
  });
});

describe('storeBarOption', () => {
  it('orders stores by index, best first, stores without answers last', () => {
    const option = storeBarOption([
      { ...agg, storeId: 1, storeName: '东店', index: 700, nps: 10 },
      { ...agg, storeId: 2, storeName: '西店', index: null, nps: null },
      { ...agg, storeId: 3, storeName: '南店', index: 850.6, nps: 40 },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['南店', '东店', '西店']);
    const [index, nps] = option.series as Series;
    expect(index!.data).toEqual([851, 700, null]);
    expect(nps!.data).toEqual([40, 10, null]);
  });
});

describe('factors', () => {
  const byFactor: SatisfactionSummary['byFactor'] = [
    { key: 'online', label: '线上体验', weight: 18, score: 82, responses: 9 },
    { key: 'delivery', label: '交车', weight: 20, score: 55.55, responses: 9 },
    { key: 'deal', label: '成交', weight: 16, score: null, responses: 0 },
    { key: 'reception', label: '展厅接待', weight: 15, score: 70, responses: 9 },
  ];

  it('puts the weakest first and unscored factors last', () => {
    expect(weakestFirst(byFactor).map((f) => f.key)).toEqual(['delivery', 'reception', 'online', 'deal']);
  });

  it('draws a horizontal bar per factor, weakest on top, with the weight in the label', () => {
    const option = factorBarOption(byFactor);
    const yAxis = option.yAxis as { type: string; inverse: boolean; data: string[] };
    expect(yAxis.type).toBe('category');
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual([
      '交车（权重 20%）',
      '展厅接待（权重 15%）',
      '线上体验（权重 18%）',
      '成交（权重 16%）',
    ]);
    const data = (option.series as Series)[0]!.data as Array<{
      value: number | null;
      itemStyle: { color: string };
    }>;
    expect(data.map((d) => d.value)).toEqual([55.6, 70, 82, null]);
    expect(data[0]!.itemStyle.color).toBe(CHART_COLORS.weak);
    expect(data[1]!.itemStyle.color).toBe(CHART_COLORS.fair);
    expect(data[2]!.itemStyle.color).toBe(CHART_COLORS.good);
  });

  it('colours by the low-score line (60) and a watch line (80)', () => {
    expect(factorColor(59.9)).toBe(CHART_COLORS.weak);
    expect(factorColor(60)).toBe(CHART_COLORS.fair);
    expect(factorColor(80)).toBe(CHART_COLORS.good);
    expect(factorColor(null)).toBe('#d9d9d9');
    expect(factorAxisLabel({ label: '服务质量', weight: 24 })).toBe('服务质量（权重 24%）');
  });

  it('grows the chart with the number of bars', () => {
    expect(barChartHeight(0)).toBe(160);
    expect(barChartHeight(7)).toBe(48 + 7 * 36);
  });
});
