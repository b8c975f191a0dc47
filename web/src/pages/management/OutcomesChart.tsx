import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';

/** One colour an outcome, each with 3:1 contrast on white (WCAG 1.4.11); the table says the same. */
const COLOURS = ['#0059b3', '#00695c', '#a34700', '#6a1b9a', '#b00020', '#5f6368', '#37474f'];

export interface OutcomeSeries {
  name: string;
  /** The share of the year's pathways, one a year; null (hidden for privacy) is drawn as no bar. */
  values: (number | null)[];
}

/**
 * The outcomes of pathways as stacked bars, one a year of ending: how the year left the
 * pathways under way in it. Loaded on its own (React.lazy) like the other charts; the table
 * beside it has the same figures and says which are hidden.
 */
export default function OutcomesChart({
  years,
  series,
  label,
  axisLabel,
}: {
  years: string[];
  series: OutcomeSeries[];
  label: string;
  axisLabel: string;
}): ReactElement {
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 16, top: 96, bottom: 40 },
      legend: { top: 0, data: series.map((one) => one.name) },
      xAxis: { type: 'category', data: years },
      yAxis: {
        type: 'value',
        name: axisLabel,
        nameLocation: 'middle',
        nameGap: 40,
        min: 0,
        max: 1,
        axisLabel: { formatter: (value: number) => `${Math.round(value * 100)} %` },
      },
      series: series.map((one, index) => ({
        type: 'bar',
        stack: 'outcomes',
        name: one.name,
        data: one.values,
        itemStyle: { color: COLOURS[index % COLOURS.length] },
      })),
    }),
    [years, series, axisLabel],
  );
  return <EChart option={option} label={label} className="samspil-outcomes-chart" testId="outcomes-chart" />;
}
