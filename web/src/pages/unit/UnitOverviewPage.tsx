import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { isApiError } from '../../api/client.js';
import { type UnitAttentionKind, type UnitProfessional, useUnitOverview } from '../../api/workspace.js';
import { useMe } from '../../api/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { SECTOR_LABELS } from '../../domain.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { homePath, teamMeetingsPath, unitCitizensLink } from '../../routes.js';
import { FigureTile } from '../../components/FigureTile.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { AttentionTable } from '../my-day/AttentionTable.js';
import { BarCell } from '../../components/BarCell.js';

/**
 * The team leader's view of their unit: how many citizens, what needs attention across them,
 * the workload of each professional, and the citizens with most open flags.
 */
export function UnitOverviewPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('unit.title'));
  const me = useMe();
  const unitId = me.data?.kind === 'professional' ? (me.data.unit?.id ?? null) : null;
  const overview = useUnitOverview(unitId);

  if (me.data && me.data.kind !== 'professional') return <Navigate to={homePath(me.data)} replace />;
  if (overview.isError && isApiError(overview.error, 403)) return <ForbiddenPage kind="unit" />;
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const maxCaseload = Math.max(1, ...data.professionals.map((person) => person.caseload));
  // Each figure counts citizens, so the list behind it has as many rows; the sum is its note.
  const kinds: UnitAttentionKind[] = [
    'followUpsOverdue',
    'followUpsDueSoon',
    'noActiveIntervention',
    'subGoalsPastDate',
    'gaps',
  ];
  return (
    <>
      <h1>{t('unit.title')}</h1>
      <p className="font-lead">
        {t('unit.intro', {
          unit: data.unit.name,
          sector: SECTOR_LABELS[data.unit.sector]?.[language] ?? data.unit.sector,
          date: formatDate(data.today, language),
        })}
      </p>
      <p>
        <Link to={teamMeetingsPath}>{t('teamCases.title')}</Link>
      </p>
      <ul className="samspil-figures no-max-width" aria-label={t('unit.figuresLabel')}>
        <FigureTile value={data.citizens} label={t('unit.citizens')} to={unitCitizensLink({})} />
        {kinds.map((kind) => (
          <FigureTile
            key={kind}
            value={data.citizensWith[kind]}
            label={t(`unit.citizensWith.${kind}`)}
            to={unitCitizensLink({ attention: kind })}
            note={
              kind === 'noActiveIntervention'
                ? undefined
                : t(`unit.sumNote.${kind}`, {
                    count: data.totals[kind],
                    formatted: formatNumber(data.totals[kind], language),
                  })
            }
          />
        ))}
      </ul>
      <section aria-labelledby="unit-workload" className="mt-7">
        <h2 id="unit-workload">{t('unit.workload')}</h2>
        <div className="samspil-table-wrapper">
          <table className="table table--zebra table-md-responsive-headers samspil-caseload samspil-workload">
            <caption className="sr-only">{t('unit.workloadCaption', { unit: data.unit.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unit.column.name')}</th>
                <th scope="col">{t('unit.column.caseload')}</th>
                <th scope="col" className="samspil-numeric">
                  {t('unit.column.coordinatorFor')}
                </th>
                <th scope="col" className="samspil-numeric">
                  {t('unit.column.followUpsOverdue')}
                </th>
                <th scope="col" className="samspil-numeric">
                  {t('unit.column.openFlags')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.professionals.map((person) => (
                <WorkloadRow key={person.id} person={person} max={maxCaseload} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="unit-flagged" className="mt-7">
        <h2 id="unit-flagged">{t('unit.mostFlagged')}</h2>
        <p className="samspil-muted">{t('unit.mostFlaggedIntro')}</p>
        {data.mostFlagged.length === 0 ? (
          <p>{t('unit.noneFlagged')}</p>
        ) : (
          <AttentionTable
            items={data.mostFlagged}
            caption={t('unit.mostFlagged')}
            today={data.today}
            showRelation={false}
          />
        )}
      </section>
    </>
  );
}

function WorkloadRow({ person, max }: { person: UnitProfessional; max: number }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <tr>
      <th scope="row" data-title={t('unit.column.name')}>
        <span className="samspil-cell">
          <Link to={unitCitizensLink({ professionalId: person.id })}>{person.name}</Link>
          <span className="samspil-muted samspil-small samspil-block">
            {person.profession} · {t(`role.${person.role}`, { defaultValue: person.role })}
          </span>
        </span>
      </th>
      <td data-title={t('unit.column.caseload')}>
        <BarCell value={person.caseload} max={max}>
          <Link to={unitCitizensLink({ professionalId: person.id })}>
            {t('unit.citizensCount', {
              count: person.caseload,
              formatted: formatNumber(person.caseload, language),
            })}
            <span className="sr-only">{t('unit.citizensOf', { name: person.name })}</span>
          </Link>
        </BarCell>
      </td>
      <td data-title={t('unit.column.coordinatorFor')} className="samspil-numeric">
        {formatNumber(person.coordinatorFor, language)}
      </td>
      <td data-title={t('unit.column.followUpsOverdue')} className="samspil-numeric">
        {formatNumber(person.followUpsOverdue, language)}
      </td>
      <td data-title={t('unit.column.openFlags')} className="samspil-numeric">
        {formatNumber(person.openFlags, language)}
      </td>
    </tr>
  );
}
