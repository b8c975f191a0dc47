import { lazy, type ReactElement, type ReactNode, Suspense } from 'react';
import type { AnalyticsFilter, ExportFigure } from '../../api/analytics.js';
import { Loading } from '../../components/Loading.js';
import { FigureExport } from './FigureExport.js';
import { ScrollRegion } from './ScrollRegion.js';
import type { ChartSeries } from './SeriesChart.js';

// The chart library is loaded only when a chart is drawn.
const SeriesChart = lazy(() => import('./SeriesChart.js'));

/**
 * One management figure as the page shows it: its bar chart (the same figures), its table in a
 * region that scrolls on its own on a phone, and its export. The chart is optional: a table of
 * medians or of many columns stands alone.
 */
export function FigureWithTable({
  chart,
  tableLabel,
  exportFigure,
  filter,
  children,
}: {
  chart?: { categories: string[]; series: ChartSeries[]; label: string; axisLabel: string; testId: string };
  /** The table's name: its scroll region's label and the export links' object. */
  tableLabel: string;
  exportFigure: ExportFigure;
  filter: AnalyticsFilter;
  /** The table itself. */
  children: ReactNode;
}): ReactElement {
  return (
    <>
      {chart ? (
        <Suspense fallback={<Loading />}>
          <SeriesChart {...chart} />
        </Suspense>
      ) : null}
      <ScrollRegion label={tableLabel}>{children}</ScrollRegion>
      <FigureExport figure={exportFigure} filter={filter} title={tableLabel} />
    </>
  );
}
