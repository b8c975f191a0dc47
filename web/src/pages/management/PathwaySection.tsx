import { lazy, type ReactElement, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsFilter, usePathwayKpis, WITHIN } from '../../api/analytics.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PYRAMID_LABELS } from '../../domain.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FigureExport } from './FigureExport.js';
import { ScrollRegion } from './ScrollRegion.js';
import type { ChartSeries } from './SeriesChart.js';
import { useFigureFormat } from './useFigureFormat.js';

// The chart library is loaded only when a chart is drawn.
const SeriesChart = lazy(() => import('./SeriesChart.js'));

/**
 * The pathway KPIs: time to the first (business-directed) offer, the activity pyramid and the
 * inflow and outflow per month, each naming the definition that produced it, each with its
 * chart (a table alternative beside it) and its export. Hidden figures (privacy) show as "–".
 */
export function PathwaySection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const pathways = usePathwayKpis(filter);
  const { percent, count } = useFigureFormat();
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'long' }).format(
      new Date(Date.UTC(filter.year, month - 1, 15)),
    );
  const charts = useMemo(() => {
    const data = pathways.data;
    if (!data) return null;
    const shortMonth = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'short' });
    const series = (name: string, values: (number | null)[]): ChartSeries => ({ name, values });
    return {
      offer: {
        categories: WITHIN.map((limit) => t(`management.within.${limit}`)),
        series: (['timeToFirstIntervention', 'timeToFirstBusinessDirected'] as const).map((key) =>
          series(
            t(`management.pathways.${key}`),
            WITHIN.map((limit) => data[key].within[limit]),
          ),
        ),
      },
      pyramid: {
        categories: data.pyramid.levels.map((level) => String(level.level)),
        series: [
          series(
            t('management.pyramid.interventions'),
            data.pyramid.levels.map((level) => level.interventions),
          ),
          series(
            t('management.pyramid.citizens'),
            data.pyramid.levels.map((level) => level.citizens),
          ),
        ],
      },
      flow: {
        categories: data.flow.months.map((month) =>
          shortMonth.format(new Date(Date.UTC(filter.year, month.month - 1, 15))),
        ),
        series: [
          series(
            t('management.flow.inflow'),
            data.flow.months.map((month) => month.inflow),
          ),
          series(
            t('management.flow.outflow'),
            data.flow.months.map((month) => month.outflow),
          ),
        ],
      },
    };
  }, [pathways.data, t, language, filter.year]);
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('management.pathways.title')}</h2>
      {pathways.isError ? (
        <ErrorAlert error={pathways.error} onRetry={() => void pathways.refetch()} />
      ) : null}
      {pathways.data && charts ? (
        <>
          <Suspense fallback={<Loading />}>
            <SeriesChart
              {...charts.offer}
              percent
              label={t('steering.chart.offer')}
              axisLabel={t('steering.chart.offerAxis')}
              testId="offer-chart"
            />
          </Suspense>
          <ScrollRegion label={t('management.pathways.offerCaption')}>
            <table className="table table--zebra">
              <caption>{t('management.pathways.offerCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('management.pathways.measure')}</th>
                  {WITHIN.map((limit) => (
                    <th key={limit} scope="col">
                      {t(`management.within.${limit}`)}
                    </th>
                  ))}
                  <th scope="col">{t('management.pathways.meanWeeks')}</th>
                  <th scope="col">{t('management.pathways.noOffer')}</th>
                </tr>
              </thead>
              <tbody>
                {(['timeToFirstIntervention', 'timeToFirstBusinessDirected'] as const).map((key) => {
                  const figure = pathways.data[key];
                  return (
                    <tr key={key}>
                      <th scope="row">
                        {t(`management.pathways.${key}`)}
                        <br />
                        <span className="samspil-muted">
                          {figure.definition.id}@{figure.definition.version}
                        </span>
                      </th>
                      {WITHIN.map((limit) => (
                        <td key={limit}>{percent(figure.within[limit])}</td>
                      ))}
                      <td>
                        {figure.meanWeeks === null
                          ? t('management.hidden')
                          : formatNumber(figure.meanWeeks, language)}
                      </td>
                      <td>{count(figure.noOffer)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <FigureExport
            figure="time-to-offer"
            filter={filter}
            title={t('management.pathways.offerCaption')}
          />
          <Suspense fallback={<Loading />}>
            <SeriesChart
              {...charts.pyramid}
              label={t('steering.chart.pyramid')}
              axisLabel={t('steering.chart.count')}
              testId="pyramid-chart"
            />
          </Suspense>
          <ScrollRegion label={t('management.pyramid.caption')}>
            <table className="table table--zebra">
              <caption>
                {t('management.pyramid.caption')} ({pathways.data.pyramid.definition.id}@
                {pathways.data.pyramid.definition.version})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('management.pyramid.level')}</th>
                  <th scope="col">{t('management.pyramid.interventions')}</th>
                  <th scope="col">{t('management.pyramid.citizens')}</th>
                  <th scope="col">{t('management.pyramid.share')}</th>
                </tr>
              </thead>
              <tbody>
                {pathways.data.pyramid.levels.map((level) => (
                  <tr key={level.level}>
                    <th scope="row">
                      {level.level}. {PYRAMID_LABELS[level.level as 1 | 2 | 3 | 4 | 5][language]}
                    </th>
                    <td>{count(level.interventions)}</td>
                    <td>{count(level.citizens)}</td>
                    <td>{percent(level.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <FigureExport figure="activity-pyramid" filter={filter} title={t('management.pyramid.caption')} />
          <Suspense fallback={<Loading />}>
            <SeriesChart
              {...charts.flow}
              label={t('steering.chart.flow')}
              axisLabel={t('steering.chart.pathways')}
              testId="flow-chart"
            />
          </Suspense>
          <ScrollRegion label={t('management.flow.caption')}>
            <table className="table table--zebra">
              <caption>
                {t('management.flow.caption')} ({pathways.data.flow.definition.id}@
                {pathways.data.flow.definition.version})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('management.flow.month')}</th>
                  <th scope="col">{t('management.flow.inflow')}</th>
                  <th scope="col">{t('management.flow.outflow')}</th>
                </tr>
              </thead>
              <tbody>
                {pathways.data.flow.months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{monthName(month.month)}</th>
                    <td>{count(month.inflow)}</td>
                    <td>{count(month.outflow)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <FigureExport figure="pathway-flow" filter={filter} title={t('management.flow.caption')} />
        </>
      ) : null}
    </section>
  );
}
