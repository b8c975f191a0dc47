import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsFilter, useSteeringKpis } from '../../api/analytics.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FigureExport } from './FigureExport.js';
import { ScrollRegion } from './ScrollRegion.js';
import { useFigureFormat } from './useFigureFormat.js';

const definitionText = (definition: { id: string; version: number }) =>
  `${definition.id}@${definition.version}`;

/**
 * Activation (rate and business-directed share), how long pathway spells last, and the counts
 * per year with their changes: each naming its definition, each with its export. Hidden
 * figures (privacy) show as "–".
 */
export function SteeringSection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const steering = useSteeringKpis(filter);
  const { percent, count } = useFigureFormat();
  const decimal = (value: number | null) =>
    value === null ? t('management.hidden') : formatNumber(value, language);
  const signed = (value: number | null, suffix = '') =>
    value === null
      ? t('management.hidden')
      : `${value > 0 ? '+' : ''}${formatNumber(value, language)}${suffix}`;
  const data = steering.data;
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('steering.title')}</h2>
      {steering.isError ? (
        <ErrorAlert error={steering.error} onRetry={() => void steering.refetch()} />
      ) : null}
      {data ? (
        <>
          <h3 className="h4">{t('steering.activation.title')}</h3>
          <ul className="samspil-figures no-max-width" aria-label={t('steering.activation.title')}>
            <li className="samspil-figure" data-testid="activation-rate">
              <span className="samspil-figure-value">{percent(data.activation.activationRate)}</span>
              <span className="samspil-figure-label">{t('steering.activation.rate')}</span>
            </li>
            <li className="samspil-figure" data-testid="business-directed-share">
              <span className="samspil-figure-value">{percent(data.activation.businessDirectedShare)}</span>
              <span className="samspil-figure-label">{t('steering.activation.businessDirected')}</span>
            </li>
            <li className="samspil-figure">
              <span className="samspil-figure-value">{count(data.activation.citizens)}</span>
              <span className="samspil-figure-label">{t('steering.activation.citizens')}</span>
            </li>
          </ul>
          <p className="samspil-muted">
            {t('steering.definition', { definition: definitionText(data.activation.definition) })}
          </p>
          <FigureExport figure="activation" filter={filter} title={t('steering.activation.title')} />

          <ScrollRegion label={t('steering.spells.caption')}>
            <table className="table table--zebra">
              <caption>
                {t('steering.spells.caption')} ({definitionText(data.spells.definition)})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('steering.spells.kind')}</th>
                  {data.spells.bands.map((band) => (
                    <th key={band} scope="col">
                      {t(`steering.spells.band.${band}`)}
                    </th>
                  ))}
                  <th scope="col">{t('management.table.total')}</th>
                  <th scope="col">{t('steering.spells.meanWeeks')}</th>
                  <th scope="col">{t('steering.spells.medianWeeks')}</th>
                </tr>
              </thead>
              <tbody>
                {data.spells.rows.map((row) => (
                  <tr key={row.kind}>
                    <th scope="row">{t(`steering.spells.${row.kind}`)}</th>
                    {row.cells.map((cell, index) => (
                      <td key={data.spells.bands[index]}>{count(cell)}</td>
                    ))}
                    <td>{count(row.total)}</td>
                    <td>{decimal(row.meanWeeks)}</td>
                    <td>{decimal(row.medianWeeks)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <FigureExport figure="pathway-spells" filter={filter} title={t('steering.spells.caption')} />

          <ScrollRegion label={t('steering.periods.caption')}>
            <table className="table table--zebra">
              <caption>
                {t('steering.periods.caption')} ({definitionText(data.periodCounts.definition)})
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('steering.periods.measure')}</th>
                  {data.periodCounts.years.map((year) => (
                    <th key={year} scope="col">
                      {year}
                    </th>
                  ))}
                  <th scope="col">{t('steering.periods.change', { year: data.year })}</th>
                  <th scope="col">{t('steering.periods.changePercent', { year: data.year })}</th>
                </tr>
              </thead>
              <tbody>
                {data.periodCounts.measures.map((measure) => (
                  <tr key={measure.measure}>
                    <th scope="row">{t(`steering.periods.${measure.measure}`)}</th>
                    {measure.years.map((year) => (
                      <td key={year.year}>{count(year.count)}</td>
                    ))}
                    <td>{signed(measure.latest?.change ?? null)}</td>
                    <td>{signed(measure.latest?.changePercent ?? null, ' %')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <FigureExport figure="period-counts" filter={filter} title={t('steering.periods.caption')} />
        </>
      ) : null}
    </section>
  );
}
