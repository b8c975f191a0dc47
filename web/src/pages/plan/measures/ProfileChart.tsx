import { type ReactElement, useMemo } from 'react';
import { EChart } from '../../../charts/EChart.js';
import type { Level } from './measures-view.js';

/** A recording's line: oldest light and dashed, the latest dark and solid (never colour alone). */
export function profileStyle(
  index: number,
  count: number,
): { colour: string; dashed: boolean; variant: 'latest' | 'earlier-0' | 'earlier-1' } {
  if (index === count - 1) return { colour: '#0059b3', dashed: false, variant: 'latest' };
  // The same colours as the legend's swatches in measures.css.
  return index % 2 === 0
    ? { colour: '#6b6b6b', dashed: true, variant: 'earlier-0' }
    : { colour: '#8a5a00', dashed: true, variant: 'earlier-1' };
}

/**
 * Function levels as a profile: the themes down the side, the level 0–4 across, one line per
 * recording. A theme rated "not relevant" breaks the line there. The table beside it has the figures.
 */
export function ProfileChart({
  themes,
  series,
  label,
}: {
  themes: readonly string[];
  series: readonly { name: string; levels: readonly Level[] }[];
  label: string;
}): ReactElement {
  const compact = typeof window !== 'undefined' && window.matchMedia('(max-width: 30em)').matches;
  const option = useMemo(
    () => ({
      grid: { left: compact ? 104 : 200, right: 16, top: 12, bottom: 28 },
      xAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { color: '#1a1a1a' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...themes],
        axisLabel: {
          color: '#1a1a1a',
          fontSize: compact ? 11 : 12,
          width: compact ? 96 : 190,
          overflow: 'break',
          lineHeight: compact ? 13 : 15,
        },
      },
      series: series.map((entry, index) => {
        const style = profileStyle(index, series.length);
        return {
          type: 'line',
          name: entry.name,
          data: entry.levels.map((level, theme) => [typeof level === 'number' ? level : null, theme]),
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { width: 3, color: style.colour, type: style.dashed ? 'dashed' : 'solid' },
          itemStyle: { color: style.colour },
        };
      }),
    }),
    [themes, series, compact],
  );
  return <EChart option={option} label={label} className="samspil-profile-chart" />;
}
