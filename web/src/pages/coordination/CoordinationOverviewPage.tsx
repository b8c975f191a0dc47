import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useCoordinationOverview } from '../../api/coordination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { localised, sectorLabel } from './flag-text.js';
import { CountLink } from './CountLink.js';
import { PairTable } from './PairTable.js';
import { coordinationFlagsLink } from './paths.js';
import { TrendSection } from './TrendSection.js';
import { FigureTile } from '../../components/FigureTile.js';
import { RulesSection } from './RulesSection.js';
import { BarCell } from '../../components/BarCell.js';

// Long tables hide the message; the leader looks for the few pairs where the organisation should change.
const TOP = 15;

/**
 * The leaders' coordination overview for the municipality: flags by rule, between which units
 * and sectors, and the unit pairs that collide most.
 */
export function CoordinationOverviewPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('coordinationOverview.title'));
  const overview = useCoordinationOverview();

  if (overview.isError && isApiError(overview.error, 403)) return <ForbiddenPage kind="unit" />;
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const titles = new Map(data.byRule.map((rule) => [rule.ruleId as string, localised(rule.title, language)]));
  const ruleTitle = (ruleId: string): string => titles.get(ruleId) ?? ruleId;
  const maxOpen = Math.max(1, ...data.byRule.map((rule) => rule.open));
  const totals = [
    { key: 'open', value: data.totals.open },
    { key: 'citizensWithOpenFlags', value: data.totals.citizensWithOpenFlags },
    { key: 'acknowledged', value: data.totals.acknowledged },
    { key: 'resolved', value: data.totals.resolved },
    { key: 'dismissed', value: data.totals.dismissed },
  ] as const;

  return (
    <>
      <h1>{t('coordinationOverview.title')}</h1>
      <p className="font-lead">{t('coordinationOverview.intro')}</p>
      <p className="samspil-muted" data-testid="last-scan">
        {data.lastScan
          ? t(
              data.lastScan.failed ? 'coordinationOverview.lastScanFailed' : 'coordinationOverview.lastScan',
              {
                when: formatDateTime(data.lastScan.finishedAt, language),
                trigger: t(`coordinationOverview.scanTrigger.${data.lastScan.trigger}`),
                created: formatNumber(data.lastScan.created ?? 0, language),
                resolved: formatNumber(data.lastScan.resolved ?? 0, language),
              },
            )
          : t('coordinationOverview.noScan')}
      </p>
      <ul className="samspil-figures no-max-width" aria-label={t('coordinationOverview.figuresLabel')}>
        {totals.map((total) => (
          <FigureTile
            key={total.key}
            value={total.value}
            label={t(`coordinationOverview.totals.${total.key}`)}
            // Citizens with open flags: the list of the open and acknowledged flags, which names them.
            to={coordinationFlagsLink({
              status: total.key === 'citizensWithOpenFlags' ? 'active' : total.key,
            })}
          />
        ))}
      </ul>
      <TrendSection />
      <section aria-labelledby="overview-rules" className="mt-7">
        <h2 id="overview-rules">{t('coordinationOverview.byRule')}</h2>
        <div className="samspil-table-wrapper">
          <table className="table table--zebra table-md-responsive-headers samspil-caseload">
            <caption className="sr-only">{t('coordinationOverview.byRule')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coordinationOverview.column.rule')}</th>
                <th scope="col">{t('coordinationOverview.column.open')}</th>
                <th scope="col" className="samspil-numeric">
                  {t('coordinationOverview.column.acknowledged')}
                </th>
                <th scope="col" className="samspil-numeric">
                  {t('coordinationOverview.column.resolved')}
                </th>
                <th scope="col" className="samspil-numeric">
                  {t('coordinationOverview.column.dismissed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.byRule.map((rule) => (
                <tr key={rule.ruleId}>
                  <th scope="row" data-title={t('coordinationOverview.column.rule')}>
                    {localised(rule.title, language)}
                  </th>
                  <td data-title={t('coordinationOverview.column.open')}>
                    <BarCell value={rule.open} max={maxOpen}>
                      <CountLink
                        value={rule.open}
                        to={coordinationFlagsLink({ status: 'open', ruleId: rule.ruleId })}
                        label={t('coordinationOverview.countOf', {
                          status: t('coordinationOverview.column.open'),
                          rule: localised(rule.title, language),
                        })}
                      />
                    </BarCell>
                  </td>
                  {(['acknowledged', 'resolved', 'dismissed'] as const).map((status) => (
                    <td
                      key={status}
                      data-title={t(`coordinationOverview.column.${status}`)}
                      className="samspil-numeric"
                    >
                      <CountLink
                        value={rule[status]}
                        to={coordinationFlagsLink({ status, ruleId: rule.ruleId })}
                        label={t('coordinationOverview.countOf', {
                          status: t(`coordinationOverview.column.${status}`),
                          rule: localised(rule.title, language),
                        })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="overview-units" className="mt-7">
        <h2 id="overview-units">{t('coordinationOverview.byUnitPair')}</h2>
        <p className="samspil-muted">{t('coordinationOverview.byUnitPairIntro')}</p>
        <PairTable
          pairs={data.byUnitPair.slice(0, TOP)}
          caption={t('coordinationOverview.byUnitPair')}
          kind="unit"
          ruleTitle={ruleTitle}
          linkOf={(pair) => coordinationFlagsLink({ status: 'active', unitA: pair.a.id, unitB: pair.b.id })}
        />
      </section>
      <section aria-labelledby="overview-sectors" className="mt-7">
        <h2 id="overview-sectors">{t('coordinationOverview.bySectorPair')}</h2>
        <PairTable
          pairs={data.bySectorPair.slice(0, TOP)}
          caption={t('coordinationOverview.bySectorPair')}
          kind="sector"
          ruleTitle={ruleTitle}
          nameOf={(ref) => sectorLabel(ref.id, language)}
          linkOf={(pair) =>
            coordinationFlagsLink({ status: 'active', sectorA: pair.a.id, sectorB: pair.b.id })
          }
        />
      </section>
      <section aria-labelledby="overview-within" className="mt-7">
        <h2 id="overview-within">{t('coordinationOverview.withinSector')}</h2>
        <p className="samspil-muted">{t('coordinationOverview.withinSectorIntro')}</p>
        <PairTable
          pairs={data.withinSector.map((row) => ({
            a: row.sector,
            b: row.sector,
            open: row.open,
            byRule: row.byRule,
          }))}
          caption={t('coordinationOverview.withinSector')}
          kind="within"
          ruleTitle={ruleTitle}
          nameOf={(ref) => sectorLabel(ref.id, language)}
          linkOf={(pair) => coordinationFlagsLink({ status: 'active', sector: pair.a.id })}
        />
      </section>
      <RulesSection />
    </>
  );
}
