import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './charts';

// Only what the dashboard draws: the rest of echarts stays out of the bundle.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are also in the tables and cards). */
  label: string;
  testId?: string;
}

/** One echarts chart; loaded on demand, so pages without charts do not carry echarts. */
export default function Chart({ option, height, label, testId }: Props) {
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
