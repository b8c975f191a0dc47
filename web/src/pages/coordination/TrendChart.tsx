import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';

/**
 * The weekly course of the coordination signals as two lines (open at the week's end, raised in
 * the week), drawn by the shared ECharts chart as SVG. Loaded on its own (React.lazy); the page
 * shows the same figures as a table for screen readers and keyboard users.
 */
export default function TrendChart({
  weeks,
  label,
  names,
}: {
  weeks: { label: string; open: number; raised: number }[];
  label: string;
  names: { open: string; raised: string };
}): ReactElement {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      legend: undefined,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: weeks.map((week) => week.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: names.open,
          type: 'line',
          data: weeks.map((week) => week.open),
          lineStyle: { width: 3, color: '#004993' },
          itemStyle: { color: '#004993' },
        },
        {
          name: names.raised,
          type: 'line',
          data: weeks.map((week) => week.raised),
          lineStyle: { width: 2, type: 'dashed', color: '#a3470f' },
          itemStyle: { color: '#a3470f' },
        },
      ],
    }),
    [weeks, names],
  );
  return <EChart option={option} label={label} className="samspil-trend-chart" testId="trend-chart" />;
}
