import { type ReactElement, useMemo } from 'react';
import { danishToday } from '../../../../../src/domain/calendar.js';
import { EChart } from '../../../charts/EChart.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';

/** One measure over time as a line: points at the dates answered, on the measure's own scale. */
export function MeasureChart({
  points,
  min,
  max,
  label,
}: {
  points: readonly { at: string; value: number }[];
  min: number;
  max: number;
  label: string;
}): ReactElement {
  const language = useLanguage();
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'time',
        axisLabel: {
          color: '#1a1a1a',
          // A few points over months: ECharts may put two ticks on one day; never draw them on top of each other.
          hideOverlap: true,
          formatter: (value: number) => formatDate(danishToday(new Date(value)), language),
        },
        splitNumber: 3,
      },
      yAxis: { type: 'value', min, max, axisLabel: { color: '#1a1a1a' } },
      series: [
        {
          type: 'line',
          data: points.map((point) => [point.at, point.value]),
          symbolSize: 8,
          lineStyle: { width: 3, color: '#0059b3' },
          itemStyle: { color: '#0059b3' },
        },
      ],
    }),
    [points, min, max, language],
  );
  return <EChart option={option} label={label} className="samspil-measure-chart" />;
}
