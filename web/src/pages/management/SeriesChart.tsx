import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';

/** Distinct on white and to each other (WCAG 1.4.11), the first the app's own blue. */
const COLOURS = ['#0059b3', '#a34700'];

export interface ChartSeries {
  name: string;
  /** One value a category; null (hidden by privacy) is drawn as no bar. */
  values: (number | null)[];
}

/**
 * One or two series of bars over categories, by the shared ECharts chart (loaded on its own,
 * React.lazy, and ECharts only when drawn). Every use has a table beside it with the same
 * figures, which also says which are hidden and why.
 */
export default function SeriesChart({
  categories,
  series,
  label,
  axisLabel,
  percent = false,
  testId,
}: {
  categories: string[];
  series: ChartSeries[];
  label: string;
  axisLabel: string;
  /** Values are shares (0–1), shown as per cent. */
  percent?: boolean;
  testId: string;
}): ReactElement {
  const option = useMemo(
    () => ({
      // Room above for a legend that wraps on a phone; labels that would overlap are skipped.
      grid: { left: 56, right: 16, top: series.length > 1 ? 64 : 24, bottom: 40 },
      ...(series.length > 1 ? { legend: { top: 0, data: series.map((one) => one.name) } } : {}),
      xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
      yAxis: {
        type: 'value',
        name: axisLabel,
        nameLocation: 'middle',
        nameGap: 40,
        // Unset keys are left out: an undefined one would replace ECharts' default.
        ...(percent
          ? { min: 0, max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)} %` } }
          : { minInterval: 1 }),
      },
      series: series.map((one, index) => ({
        type: 'bar',
        name: one.name,
        data: one.values,
        itemStyle: { color: COLOURS[index % COLOURS.length] },
      })),
    }),
    [categories, series, axisLabel, percent],
  );
  return <EChart option={option} label={label} className="samspil-series-chart" testId={testId} />;
}
