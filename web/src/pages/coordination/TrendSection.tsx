import { lazy, type ReactElement, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoordinationTrend } from '../../api/leader-drilldown.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import '../../components/figure-tile.css';

// The chart library loads only when the chart is drawn: the first page load stays small.
const TrendChart = lazy(() => import('./TrendChart.js'));

/**
 * The last twelve ISO weeks of coordination signals: how many were open at each week's end and
 * how many were raised in it, as a chart with the same figures in a table beside it.
 */
export function TrendSection(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const trend = useCoordinationTrend();
  const weeks = useMemo(
    () =>
      (trend.data?.weeks ?? []).map((week) => ({
        ...week,
        label: t('coordinationTrend.weekShort', { week: week.week }),
      })),
    [trend.data, t],
  );
  const names = useMemo(
    () => ({ open: t('coordinationTrend.open'), raised: t('coordinationTrend.raised') }),
    [t],
  );
  const first = weeks[0];
  const last = weeks.at(-1);
  return (
    <section aria-labelledby="overview-trend" className="mt-7">
      <h2 id="overview-trend">{t('coordinationTrend.title')}</h2>
      {trend.isPending ? <Loading /> : null}
      {trend.isError ? <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} /> : null}
      {first && last ? (
        <figure className="samspil-trend-figure">
          <figcaption>
            {t('coordinationTrend.caption', {
              from: formatDate(first.start, language),
              open: formatNumber(last.open, language),
              before: formatNumber(first.open, language),
            })}
          </figcaption>
          <Suspense fallback={<Loading />}>
            <TrendChart weeks={weeks} names={names} label={t('coordinationTrend.chartLabel')} />
          </Suspense>
          <p className="samspil-muted samspil-small">{t('coordinationTrend.legend')}</p>
          <details className="samspil-trend-table">
            <summary>{t('coordinationTrend.asTable')}</summary>
            <div className="samspil-table-wrapper">
              <table className="table table--compact">
                <caption className="sr-only">{t('coordinationTrend.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coordinationTrend.week')}</th>
                    <th scope="col" className="samspil-numeric">
                      {t('coordinationTrend.open')}
                    </th>
                    <th scope="col" className="samspil-numeric">
                      {t('coordinationTrend.raised')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week) => (
                    <tr key={week.start}>
                      <th scope="row">
                        {t('coordinationTrend.weekLong', {
                          week: week.week,
                          year: week.year,
                          start: formatDate(week.start, language),
                        })}
                      </th>
                      <td className="samspil-numeric">{formatNumber(week.open, language)}</td>
                      <td className="samspil-numeric">{formatNumber(week.raised, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      ) : null}
    </section>
  );
}
