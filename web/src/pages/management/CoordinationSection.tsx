import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '../../api/analytics.js';
import { type CoordinationFigures, useCoordinationFigures } from '../../api/coordination-figures.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CountCellTable } from './CountCellTable.js';
import { FigureWithTable } from './FigureWithTable.js';
import { ReferralFigures } from './ReferralFigures.js';
import { useFigureFormat } from './useFigureFormat.js';

const definitionText = (definition: { id: string; version: number }) =>
  `${definition.id}@${definition.version}`;

/**
 * Coordination across sectors, from the coordination flags and the referrals: signals raised and
 * resolved per rule and month, open at each month's end, how fast they close, how many citizens
 * in contact with several sectors have one open, and the referrals' loop. Counts only; the
 * server hides cells about 1–4 citizens and their complements.
 */
export function CoordinationSection({
  headingId,
  filter,
}: {
  headingId: string;
  filter: AnalyticsFilter;
}): ReactElement {
  const { t } = useTranslation();
  const figures = useCoordinationFigures(filter);
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <h2 id={headingId}>{t('coordinationFigures.title')}</h2>
      <p>{t('coordinationFigures.intro')}</p>
      <QueryStatus query={figures} />
      {figures.data ? (
        <>
          <FlagFigures data={figures.data} filter={filter} />
          <ReferralFigures data={figures.data} filter={filter} />
        </>
      ) : null}
      <p className="samspil-muted">{t('coordinationFigures.privacy')}</p>
    </section>
  );
}

function FlagFigures({ data, filter }: { data: CoordinationFigures; filter: AnalyticsFilter }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { percent, count } = useFigureFormat();
  const { flags, multiSector } = data;
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { month: 'short' });
    return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(data.year, index, 15))));
  }, [language, data.year]);
  const kindLabel = (kind: string) => t(`coordinationFigures.kind.${kind}`);
  const chart = useMemo(
    () => ({
      categories: months,
      series: [
        {
          name: t('coordinationFigures.raised'),
          values: flags.raised.totals.cells.map((cell) => cell.count),
        },
        {
          name: t('coordinationFigures.resolved'),
          values: flags.resolved.totals.cells.map((cell) => cell.count),
        },
      ],
      label: t('coordinationFigures.flagsChart'),
      axisLabel: t('coordinationFigures.flagsAxis'),
      testId: 'flags-chart',
    }),
    [flags, months, t],
  );
  const kindTable = (table: CoordinationFigures['flags']['raised']) => ({
    rows: table.rows.map((row) => ({
      key: row.kind,
      label: kindLabel(row.kind),
      cells: row.cells,
      total: row.total,
    })),
    totals: {
      key: 'all',
      label: t('coordinationFigures.allKinds'),
      cells: table.totals.cells,
      total: table.totals.total,
    },
  });
  const medianAll = flags.medianDaysToResolution.find((row) => row.kind === 'all')?.medianDays ?? null;
  const days = (value: number | null) =>
    value === null ? t('management.hidden') : formatNumber(value, language);
  const raisedCaption = `${t('coordinationFigures.raisedCaption', { year: data.year })} (${definitionText(flags.definition)})`;
  const resolvedCaption = `${t('coordinationFigures.resolvedCaption', { year: data.year })} (${definitionText(flags.definition)})`;
  const openCaption = t('coordinationFigures.openCaption');
  const medianCaption = t('coordinationFigures.medianCaption');
  return (
    <>
      <ul className="samspil-figures no-max-width" aria-label={t('coordinationFigures.keyFigures')}>
        <li className="samspil-figure" data-testid="multi-sector-open-share">
          <span className="samspil-figure-value">{percent(multiSector.share)}</span>
          <span className="samspil-figure-label">
            {t('coordinationFigures.multiSectorShare', { citizens: count(multiSector.citizens) })}
          </span>
        </li>
        <li className="samspil-figure">
          <span className="samspil-figure-value">{days(medianAll)}</span>
          <span className="samspil-figure-label">{t('coordinationFigures.medianDays')}</span>
        </li>
      </ul>
      <p className="samspil-muted">
        {t('steering.definition', { definition: definitionText(multiSector.definition) })} ·{' '}
        {t('coordinationFigures.referenceDay', { day: data.referenceDay })}
      </p>
      <FigureWithTable
        chart={chart}
        tableLabel={raisedCaption}
        exportFigure="coordination-flags"
        filter={filter}
      >
        <CountCellTable
          caption={raisedCaption}
          rowHeader={t('coordinationFigures.kindHeader')}
          columns={months}
          totalLabel={t('management.table.total')}
          {...kindTable(flags.raised)}
        />
      </FigureWithTable>
      <FigureWithTable tableLabel={resolvedCaption} exportFigure="coordination-flags" filter={filter}>
        <CountCellTable
          caption={resolvedCaption}
          rowHeader={t('coordinationFigures.kindHeader')}
          columns={months}
          totalLabel={t('management.table.total')}
          {...kindTable(flags.resolved)}
        />
      </FigureWithTable>
      <FigureWithTable tableLabel={openCaption} exportFigure="coordination-open-flags" filter={filter}>
        <CountCellTable
          caption={openCaption}
          rowHeader={t('coordinationFigures.monthEnd')}
          columns={flags.kinds.map(kindLabel)}
          totalLabel={t('coordinationFigures.allKinds')}
          rows={flags.openAtMonthEnd.map((month) => ({
            key: month.month,
            label: month.day,
            cells: month.cells,
            total: month.total,
          }))}
        />
      </FigureWithTable>
      <FigureWithTable tableLabel={medianCaption} exportFigure="coordination-summary" filter={filter}>
        <table className="table table--zebra table--compact">
          <caption>{medianCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coordinationFigures.kindHeader')}</th>
              <th scope="col" className="samspil-numeric">
                {t('coordinationFigures.medianDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {flags.medianDaysToResolution.map((row) => (
              <tr key={row.kind}>
                <th scope="row">
                  {row.kind === 'all' ? t('coordinationFigures.allKinds') : kindLabel(row.kind)}
                </th>
                <td className="samspil-numeric">{days(row.medianDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </FigureWithTable>
    </>
  );
}
