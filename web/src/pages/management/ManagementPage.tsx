import { lazy, type ReactElement, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type AnalyticsFilter,
  useCostByMonth,
  useCostConcentration,
  useCostTable,
} from '../../api/analytics.js';
import { danishToday, yearOf } from '../../../../src/domain/calendar.js';
import { isApiError } from '../../api/client.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { Loading } from '../../components/Loading.js';
import { BUDGET_AREAS, PATHWAY_TEMPLATE_CODES, PATHWAY_TEMPLATES, SECTOR_LABELS } from '../../domain.js';
import { formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CitizenGroupFilters } from './CitizenGroupFilters.js';
import { CollaborationSection } from './CollaborationSection.js';
import { CoordinationSection } from './CoordinationSection.js';
import { FigureExport } from './FigureExport.js';
import { FilterSelect } from './FilterSelect.js';
import { DecisionFiguresSection } from './DecisionFiguresSection.js';
import { GasDistributionSection } from './GasDistributionSection.js';
import { filterFromSearch, offeredYears, searchOfFilter } from './management-filter.js';
import { OutcomesSection } from './OutcomesSection.js';
import { PathwaySection } from './PathwaySection.js';
import { ScrollRegion } from './ScrollRegion.js';
import { SteeringSection } from './SteeringSection.js';
import { useFigureFormat } from './useFigureFormat.js';
import { SuppressedTable } from './SuppressedTable.js';

import './management.css';

// The chart library is loaded only when the chart is drawn: the first page load stays small.
const LorenzChart = lazy(() => import('./LorenzChart.js'));

const THIS_YEAR = yearOf(danishToday());
const YEARS = offeredYears(THIS_YEAR);
const SHARE_KEYS = ['top1', 'top5', 'top10', 'top20'] as const;

/**
 * Management figures for team leaders and the administrator: cost concentration across budgets
 * (shares, Gini, Lorenz curve with a table alternative), where the money of the most expensive
 * citizens is booked (with a CSV export), the pathway KPIs, and how citizens' goal attainment
 * (GAS) is distributed per unit (never per professional). Every figure is an aggregate with
 * small and dominated cells hidden by the server. The filters live in the address, and a budget
 * area's row links to the page narrowed to it: the figures behind the row, never the people
 * (docs/decisions/0016-management-figures-drill-down-to-figures.md).
 */
export function ManagementPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  useDocumentTitle(t('management.title'));
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params, THIS_YEAR), [params]);
  const concentration = useCostConcentration(filter);
  const table = useCostTable(filter);
  const byMonth = useCostByMonth(filter);
  const { percent, count } = useFigureFormat();
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'DKK',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(locale, { month: 'short' }).format(
      new Date(Date.UTC(filter.year, month - 1, 15)),
    );
  const axisLabels = useMemo(
    () => ({ x: t('management.lorenz.population'), y: t('management.lorenz.cost') }),
    [t],
  );

  if (concentration.isError && isApiError(concentration.error, 403))
    return (
      <>
        <h1>{t('management.forbiddenTitle')}</h1>
        <p>{t('management.forbiddenText')}</p>
      </>
    );
  const set = (change: Partial<AnalyticsFilter>) =>
    setParams(new URLSearchParams(searchOfFilter({ ...filter, ...change })));
  const concentrationHeading = `${id}-concentration`;
  // A row's link narrows the whole page to its budget area; focus goes to the figures it narrowed.
  const areaLink = (budgetArea: string) => ({
    to: searchOfFilter({ ...filter, budgetArea }),
    onFollow: () => document.getElementById(concentrationHeading)?.focus(),
  });
  return (
    <>
      <h1>{t('management.title')}</h1>
      <p className="font-lead">{t('management.intro')}</p>
      <search className="samspil-management-filters" aria-label={t('management.filters')}>
        <FilterSelect
          id={`${id}-year`}
          label={t('management.filter.year')}
          value={filter.year}
          onChange={(value) => set({ year: Number(value) })}
          options={YEARS.map((year) => ({ value: year, label: String(year) }))}
        />
        <FilterSelect
          id={`${id}-sector`}
          label={t('management.filter.sector')}
          value={filter.sector ?? ''}
          onChange={(value) => set({ sector: value || undefined })}
          all={t('management.filter.all')}
          options={Object.entries(SECTOR_LABELS).map(([code, labels]) => ({
            value: code,
            label: labels[language],
          }))}
        />
        <FilterSelect
          id={`${id}-area`}
          label={t('management.filter.budgetArea')}
          value={filter.budgetArea ?? ''}
          onChange={(value) => set({ budgetArea: value || undefined })}
          all={t('management.filter.all')}
          options={BUDGET_AREAS.map((area) => ({ value: area, label: area }))}
        />
        <FilterSelect
          id={`${id}-pathway`}
          label={t('management.filter.pathwayType')}
          value={filter.pathwayType ?? ''}
          onChange={(value) => set({ pathwayType: value || undefined })}
          all={t('management.filter.all')}
          options={PATHWAY_TEMPLATE_CODES.map((code) => ({
            value: code,
            label: PATHWAY_TEMPLATES[code][language === 'da' ? 'da' : 'en'],
          }))}
        />
        <CitizenGroupFilters idPrefix={id} filter={filter} onChange={set} />
      </search>

      <section aria-labelledby={`${id}-concentration`} className="mt-7">
        <h2 id={concentrationHeading} tabIndex={-1}>
          {t('management.concentration.title')}
        </h2>
        {filter.budgetArea ? (
          <p data-testid="narrowed-to">
            {t('management.narrowedTo', { budgetArea: filter.budgetArea })}{' '}
            <Link to={searchOfFilter({ ...filter, budgetArea: undefined })}>
              {t('management.allBudgetAreas')}
            </Link>
          </p>
        ) : null}
        <p className="samspil-muted">{t('management.concentration.intro')}</p>
        <QueryStatus query={concentration} />
        {concentration.data ? (
          <>
            <ul className="samspil-figures no-max-width" aria-label={t('management.concentration.figures')}>
              <li className="samspil-figure">
                <span className="samspil-figure-value">{count(concentration.data.citizens)}</span>
                <span className="samspil-figure-label">{t('management.concentration.citizens')}</span>
              </li>
              <li className="samspil-figure">
                <span className="samspil-figure-value">
                  {concentration.data.total === null
                    ? t('management.hidden')
                    : compact.format(concentration.data.total / 100)}
                </span>
                <span className="samspil-figure-label">{t('management.concentration.total')}</span>
              </li>
              {SHARE_KEYS.map((key) => (
                <li key={key} className="samspil-figure" data-testid={`share-${key}`}>
                  <span className="samspil-figure-value">{percent(concentration.data.shares[key])}</span>
                  <span className="samspil-figure-label">{t(`management.concentration.share.${key}`)}</span>
                </li>
              ))}
              <li className="samspil-figure">
                <span className="samspil-figure-value">
                  {concentration.data.gini === null
                    ? t('management.hidden')
                    : formatNumber(Math.round(concentration.data.gini * 1000) / 1000, language)}
                </span>
                <span className="samspil-figure-label">{t('management.concentration.gini')}</span>
              </li>
            </ul>
            <FigureExport
              figure="cost-concentration"
              filter={filter}
              title={t('management.concentration.figures')}
            />
            {concentration.data.lorenz.length > 0 ? (
              <figure className="samspil-lorenz-figure">
                <figcaption>{t('management.lorenz.title')}</figcaption>
                <Suspense fallback={<Loading />}>
                  <LorenzChart
                    points={concentration.data.lorenz}
                    label={t('management.lorenz.chartLabel')}
                    axisLabels={axisLabels}
                  />
                </Suspense>
                <details className="samspil-lorenz-table">
                  <summary>{t('management.lorenz.asTable')}</summary>
                  <ScrollRegion label={t('management.lorenz.title')}>
                    <table className="table table--compact">
                      <caption className="sr-only">{t('management.lorenz.title')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('management.lorenz.population')}</th>
                          <th scope="col">{t('management.lorenz.cost')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {concentration.data.lorenz
                          .filter((_, index, all) => all.length <= 21 || index % 5 === 0)
                          .map(([population, cost]) => (
                            <tr key={population}>
                              <td>{percent(population)}</td>
                              <td>{percent(cost)}</td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                  <FigureExport figure="lorenz" filter={filter} title={t('management.lorenz.title')} />
                </details>
              </figure>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-table`} className="mt-7">
        <h2 id={`${id}-table`}>{t('management.table.title')}</h2>
        <p className="samspil-muted">{t('management.table.intro')}</p>
        <FigureExport figure="cost-table" filter={filter} title={t('management.table.title')} />
        <QueryStatus query={table} />
        {table.data ? (
          <SuppressedTable
            title={t('management.table.title')}
            columns={table.data.bands.map((band) => ({ key: band, label: t(`management.band.${band}`) }))}
            rows={table.data.rows}
            totals={table.data.totals}
            rowLink={areaLink}
          />
        ) : null}
        <p className="samspil-muted">{t('management.privacyNote')}</p>
      </section>

      <section aria-labelledby={`${id}-months`} className="mt-7">
        <h2 id={`${id}-months`}>{t('management.months.title')}</h2>
        <p className="samspil-muted">{t('management.months.intro')}</p>
        <QueryStatus query={byMonth} />
        {byMonth.data ? (
          <SuppressedTable
            title={t('management.months.title')}
            columns={byMonth.data.months.map((month) => ({ key: month, label: monthName(month) }))}
            rows={byMonth.data.rows}
            totals={byMonth.data.totals}
            rowLink={areaLink}
          />
        ) : null}
        <FigureExport figure="cost-by-month" filter={filter} title={t('management.months.title')} />
      </section>

      <PathwaySection headingId={`${id}-pathways`} filter={filter} />
      <SteeringSection headingId={`${id}-steering`} filter={filter} />
      <OutcomesSection headingId={`${id}-outcomes`} filter={filter} />

      <GasDistributionSection headingId={`${id}-gas`} filter={filter} />
      <CoordinationSection headingId={`${id}-coordination`} filter={filter} />
      <CollaborationSection headingId={`${id}-collaboration`} filter={filter} />
      <DecisionFiguresSection headingId={`${id}-decisions`} year={filter.year} />
    </>
  );
}
