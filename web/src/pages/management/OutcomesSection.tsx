import { lazy, type ReactElement, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '../../api/analytics.js';
import { usePathwayOutcomes } from '../../api/pathway-outcomes.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { Loading } from '../../components/Loading.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FigureExport } from './FigureExport.js';
import { ScrollRegion } from './ScrollRegion.js';
import { useFigureFormat } from './useFigureFormat.js';

import './outcomes.css';

const OutcomesChart = lazy(() => import('./OutcomesChart.js'));

/**
 * The outcomes of pathways (decision 0025): per year of ending, how the year left the pathways
 * under way in it — job, education, flex job, disability pension, other, ended without a code,
 * or still in pathway — as stacked shares and as a table of counts and shares, with its
 * definition and its export. Hidden cells (privacy) show as "–" with the reason in the table.
 */
export function OutcomesSection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const outcomes = usePathwayOutcomes(filter);
  const { percent, count } = useFigureFormat();
  const data = outcomes.data;
  const chart = useMemo(
    () =>
      data
        ? {
            years: data.rows.map((row) => String(row.year)),
            series: data.columns.map((column, index) => ({
              name: t(`outcomes.column.${column}`),
              values: data.rows.map((row) => row.cells[index]?.share ?? null),
            })),
          }
        : null,
    [data, t],
  );
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('outcomes.title')}</h2>
      <p className="samspil-muted">{t('outcomes.intro')}</p>
      <QueryStatus query={outcomes} />
      {data && chart ? (
        <>
          <Suspense fallback={<Loading />}>
            <OutcomesChart {...chart} label={t('outcomes.chart')} axisLabel={t('outcomes.axis')} />
          </Suspense>
          <ScrollRegion label={t('outcomes.caption')}>
            <table
              className="table table--zebra table--compact samspil-outcomes-table"
              data-testid="outcomes-table"
            >
              <caption>
                {t('outcomes.caption')} ({data.definition.id}@{data.definition.version})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.year')}</th>
                  {data.columns.map((column) => (
                    <th key={column} scope="col">
                      {t(`outcomes.column.${column}`)}
                    </th>
                  ))}
                  <th scope="col">{t('outcomes.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">
                      {row.year}
                      {row.periodEnd.endsWith('-12-31') ? null : (
                        <>
                          <br />
                          <span className="samspil-muted">
                            {t('outcomes.until', { day: formatDate(row.periodEnd, language) })}
                          </span>
                        </>
                      )}
                    </th>
                    {row.cells.map((cell, index) => (
                      <td key={data.columns[index]}>
                        {cell.hidden === null ? (
                          <>
                            {count(cell.pathways)}
                            {cell.share === null ? null : (
                              <span className="samspil-muted samspil-outcome-share">
                                {' '}
                                ({percent(cell.share)})
                              </span>
                            )}
                          </>
                        ) : (
                          <span title={t(`outcomes.hidden.${cell.hidden}`)}>
                            {t('management.hidden')}
                            <span className="sr-only">: {t(`outcomes.hidden.${cell.hidden}`)}</span>
                          </span>
                        )}
                      </td>
                    ))}
                    <td>{count(row.total.pathways)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="samspil-muted">{t('outcomes.note')}</p>
          <FigureExport figure="pathway-outcomes" filter={filter} title={t('outcomes.caption')} />
        </>
      ) : null}
    </section>
  );
}
