import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import type { FlagRuleId, LeaderFlagFilter } from '../../api/coordination.js';
import { DRILLDOWN_PAGE, useLeaderFlags } from '../../api/leader-drilldown.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { Pagination } from '../../components/Pagination.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { localised, sectorLabel } from './flag-text.js';
import { coordinationOverviewPath } from './paths.js';

const STATUSES = ['active', 'open', 'acknowledged', 'resolved', 'dismissed'] as const;

/** The filter from the address: what the figure the leader clicked counts. */
function filterOf(params: URLSearchParams): LeaderFlagFilter {
  const status = params.get('status');
  const value = (key: string): string | undefined => params.get(key) ?? undefined;
  return {
    status: STATUSES.find((candidate) => candidate === status) ?? 'active',
    ruleId: value('ruleId') as FlagRuleId | undefined,
    unitA: value('unitA'),
    unitB: value('unitB'),
    sectorA: value('sectorA'),
    sectorB: value('sectorB'),
    sector: value('sector'),
  };
}

/**
 * The coordination signals behind a figure of the leaders' overview (a tile, a rule, a unit pair
 * or a sector), filtered as the address says. The heading gives the number, which is the figure
 * clicked; a citizen is named only to a leader who may see them.
 */
export function CoordinationFlagsPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const page = Math.max(1, Number(params.get('side') ?? '1') || 1);
  const list = useLeaderFlags(filter, (page - 1) * DRILLDOWN_PAGE);
  useDocumentTitle(t('leaderFlags.title'));

  if (list.isError && isApiError(list.error, 403)) return <ForbiddenPage kind="unit" />;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const unitName = (id: string | undefined): string =>
    data.items.flatMap((item) => item.units).find((unit) => unit.id === id)?.name ?? '';
  const scope: string[] = [t(`leaderFlags.status.${filter.status}`)];
  if (filter.ruleId) {
    const title = data.items[0]?.title;
    scope.push(title ? localised(title, language) : filter.ruleId);
  }
  if (filter.unitA && filter.unitB)
    scope.push(t('leaderFlags.between', { a: unitName(filter.unitA), b: unitName(filter.unitB) }));
  if (filter.sectorA && filter.sectorB)
    scope.push(
      t('leaderFlags.between', {
        a: sectorLabel(filter.sectorA, language),
        b: sectorLabel(filter.sectorB, language),
      }),
    );
  if (filter.sector) scope.push(t('leaderFlags.within', { sector: sectorLabel(filter.sector, language) }));

  return (
    <>
      <p>
        <Link to={coordinationOverviewPath}>{t('leaderFlags.back')}</Link>
      </p>
      <h1>{t('leaderFlags.title')}</h1>
      <p className="font-lead" data-testid="drilldown-count">
        {t('leaderFlags.count', {
          count: data.total,
          formatted: formatNumber(data.total, language),
          citizens: formatNumber(data.citizens, language),
        })}
      </p>
      <p>{t('leaderFlags.scope', { scope: scope.join(' · ') })}</p>
      {data.items.length === 0 ? (
        <p>{t('leaderFlags.none')}</p>
      ) : (
        <div className="samspil-table-wrapper">
          <table className="table table--zebra table-md-responsive-headers samspil-caseload">
            <caption className="sr-only">{t('leaderFlags.caption', { scope: scope.join(', ') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('leaderFlags.column.signal')}</th>
                <th scope="col">{t('leaderFlags.column.citizen')}</th>
                <th scope="col">{t('leaderFlags.column.units')}</th>
                <th scope="col">{t('leaderFlags.column.status')}</th>
                <th scope="col">{t('leaderFlags.column.raised')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" data-title={t('leaderFlags.column.signal')}>
                    <span className="samspil-cell">
                      {localised(item.title, language)}
                      <span className="samspil-muted samspil-small samspil-block">
                        {t(`coordination.severity.${item.severity}`)}
                      </span>
                    </span>
                  </th>
                  <td data-title={t('leaderFlags.column.citizen')}>
                    {item.citizen ? (
                      <Link to={planPath(item.citizen.id)}>{item.citizen.name}</Link>
                    ) : (
                      <span className="samspil-muted">{t('leaderFlags.citizenHidden')}</span>
                    )}
                  </td>
                  <td data-title={t('leaderFlags.column.units')}>
                    <span className="samspil-cell">
                      {item.units.map((unit) => unit.name).join(' · ') ||
                        item.sectors.map((sector) => sectorLabel(sector, language)).join(' · ')}
                    </span>
                  </td>
                  <td data-title={t('leaderFlags.column.status')}>
                    {t(`coordination.status.${item.status}`)}
                  </td>
                  <td data-title={t('leaderFlags.column.raised')}>
                    <span className="samspil-nowrap">{formatDateTime(item.createdAt, language)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageSize={DRILLDOWN_PAGE}
        total={data.total}
        onPage={(next) => {
          const copy = new URLSearchParams(params);
          copy.set('side', String(next));
          setParams(copy);
        }}
      />
    </>
  );
}
