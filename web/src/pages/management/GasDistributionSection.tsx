import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountCell, CountTable, GasDistribution } from '../../api/analytics.js';
import { useGasDistribution } from '../../api/analytics.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { Loading } from '../../components/Loading.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { AnalyticsFilter } from '../../api/analytics.js';
import { FigureExport } from './FigureExport.js';
import { ScrollRegion } from './ScrollRegion.js';

// The chart library is loaded only when a chart is drawn.
const GasBarChart = lazy(() => import('./GasBarChart.js'));

type Kind = 'scores' | 'changes';

/**
 * How citizens' goal attainment goes, as distributions only: citizens by their latest GAS
 * T-score and by its change from their baseline, per coordinator's unit and overall. Never a
 * figure per professional; small cells are hidden by the server.
 */
export function GasDistributionSection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const distribution = useGasDistribution(filter);
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('management.gas.title')}</h2>
      <p>{t('management.gas.intro')}</p>
      <QueryStatus query={distribution} />
      {distribution.data ? (
        <div className="samspil-gas-distribution">
          <GasTable data={distribution.data} kind="scores" filter={filter} />
          <GasTable data={distribution.data} kind="changes" filter={filter} />
        </div>
      ) : null}
      <p className="samspil-muted">{t('management.gas.privacy')}</p>
    </section>
  );
}

function GasTable({
  data,
  kind,
  filter,
}: {
  data: GasDistribution;
  kind: Kind;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const table: CountTable = data[kind];
  const bands: string[] = kind === 'scores' ? data.scoreBands : data.changeBands;
  const bandLabels = bands.map((band) => t(`management.gas.band.${kind}.${band}`));
  const title = t(`management.gas.${kind}.title`, { year: data.year });
  const unitName = (unit: CountTable['rows'][number]['unit']) => unit?.name ?? t('management.gas.noUnit');
  const cellText = (cell: CountCell) =>
    cell.hidden ? (
      <span title={t(`management.hiddenReason.${cell.hidden}`)}>
        {t('management.hidden')}
        <span className="sr-only"> ({t(`management.hiddenReason.${cell.hidden}`)})</span>
      </span>
    ) : (
      formatNumber(cell.citizens ?? 0, language)
    );
  return (
    <figure className="samspil-gas-figure">
      <figcaption>
        <h3 className="h4">{title}</h3>
      </figcaption>
      <Suspense fallback={<Loading />}>
        <GasBarChart
          // Short band names under the bars; the table says them in full.
          bands={bands.map((band) => t(`management.gas.short.${kind}.${band}`))}
          counts={table.totals.cells.map((cell) => cell.citizens)}
          label={t(`management.gas.${kind}.chartLabel`, { year: data.year })}
          axisLabel={t('management.gas.citizens')}
        />
      </Suspense>
      <ScrollRegion label={title}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('management.gas.unit')}</th>
              {bandLabels.map((label) => (
                <th key={label} scope="col" className="samspil-numeric">
                  {label}
                </th>
              ))}
              <th scope="col" className="samspil-numeric">
                {t('management.table.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.unit?.id ?? 'none'}>
                <th scope="row">{unitName(row.unit)}</th>
                {row.cells.map((cell, index) => (
                  <td key={bands[index]} className="samspil-numeric">
                    {cellText(cell)}
                  </td>
                ))}
                <td className="samspil-numeric">{cellText(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('management.gas.allUnits')}</th>
              {table.totals.cells.map((cell, index) => (
                <td key={bands[index]} className="samspil-numeric">
                  {cellText(cell)}
                </td>
              ))}
              <td className="samspil-numeric">{cellText(table.totals.total)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <FigureExport figure={kind === 'scores' ? 'gas-scores' : 'gas-changes'} filter={filter} title={title} />
    </figure>
  );
}
