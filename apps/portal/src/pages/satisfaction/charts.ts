import type { SatisfactionSummary } from '@dealer-care/domain';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { weekLabel } from './format';

/** The option shape of the charts registered in Chart.tsx, and nothing else. */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export const CHART_COLORS = {
  index: '#1677ff',
  nps: '#52c41a',
  weak: '#ff4d4f',
  fair: '#faad14',
  good: '#1677ff',
} as const;

/** A factor scoring under this (0–100) is drawn red, as the default low-score rule flags it. */
export const WEAK_FACTOR_SCORE = 60;
/** Under this, amber: worth a look. */
export const FAIR_FACTOR_SCORE = 80;

const NPS_AXIS = { min: -100, max: 100 } as const;

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** 指数与 NPS 周趋势: the index on the left axis (0–1000), NPS on the right (−100…100), per week. */
export function weeklyTrendOption(byWeek: SatisfactionSummary['byWeek']): ChartOption {
  const weeks = [...byWeek].sort((a, b) => a.week.localeCompare(b.week));
  return {
    color: [CHART_COLORS.index, CHART_COLORS.nps],
    tooltip: { trigger: 'axis' },
    legend: { data: ['满意度指数', 'NPS'], top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: weeks.map((w) => weekLabel(w.week)), name: '周' },
    yAxis: [
      { type: 'value', name: '指数', min: 0, max: 1000 },
      { type: 'value', name: 'NPS', ...NPS_AXIS, splitLine: { show: false } },
    ],
    series: [
      {
        name: '满意度指数',
        type: 'line',
        yAxisIndex: 0,
        data: weeks.map((w) => (w.index === null ? null : Math.round(w.index))),
        connectNulls: false,
        symbolSize: 6,
      },
      {
        name: 'NPS',
        type: 'line',
        yAxisIndex: 1,
        data: weeks.map((w) => round1(w.nps)),
        connectNulls: false,
        symbolSize: 6,
      },
    ],
  };
}

/** 门店对比: index and NPS per store, best index first. */
export function storeBarOption(byStore: SatisfactionSummary['byStore']): ChartOption {
  const stores = [...byStore].sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.storeId - b.storeId);
  return {
    color: [CHART_COLORS.index, CHART_COLORS.nps],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['满意度指数', 'NPS'], top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: stores.map((s) => s.storeName), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: '指数', min: 0, max: 1000 },
      { type: 'value', name: 'NPS', ...NPS_AXIS, splitLine: { show: false } },
    ],
    series: [
      {
        name: '满意度指数',
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 32,
        data: stores.map((s) => (s.index === null ? null : Math.round(s.index))),
      },
      {
        name: 'NPS',
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 32,
        data: stores.map((s) => round1(s.nps)),
      },
    ],
  };
}

type FactorRow = SatisfactionSummary['byFactor'][number];

/** Weakest first; factors nobody scored last, in their given order. */
export function weakestFirst(factors: readonly FactorRow[]): FactorRow[] {
  return factors
    .map((factor, order) => ({ factor, order }))
    .sort((a, b) => {
      const sa = a.factor.score;
      const sb = b.factor.score;
      if (sa === null || sb === null)
        return (sa === null ? 1 : 0) - (sb === null ? 1 : 0) || a.order - b.order;
      return sa - sb || a.order - b.order;
    })
    .map(({ factor }) => factor);
}

export function factorColor(score: number | null): string {
  if (score === null) return '#d9d9d9';
  if (score < WEAK_FACTOR_SCORE) return CHART_COLORS.weak;
  if (score < FAIR_FACTOR_SCORE) return CHART_COLORS.fair;
  return CHART_COLORS.good;
}

/** "交车（权重 20%）", the factor's axis label. */
export function factorAxisLabel(factor: Pick<FactorRow, 'label' | 'weight'>): string {
  return `${factor.label}（权重 ${Math.round(factor.weight * 10) / 10}%）`;
}

/**
 * 因子得分（PDCA 检查）: a horizontal bar per factor, 0–100, the weakest at the top, coloured by
 * how weak it is, the weight in its label.
 */
export function factorBarOption(byFactor: SatisfactionSummary['byFactor']): ChartOption {
  const factors = weakestFirst(byFactor);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, name: '得分' },
    // The first category is drawn at the top.
    yAxis: { type: 'category', inverse: true, data: factors.map(factorAxisLabel) },
    series: [
      {
        name: '因子得分',
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
        data: factors.map((f) => ({ value: round1(f.score), itemStyle: { color: factorColor(f.score) } })),
      },
    ],
  };
}

/** Chart height for a horizontal bar chart of `rows` bars. */
export function barChartHeight(rows: number): number {
  return Math.max(160, 48 + rows * 36);
}
