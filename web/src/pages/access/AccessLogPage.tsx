import type { ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type AccessLogEntry, useAccessLog } from '../../api/audit.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { accessWhat, accessWhy } from './access-text.js';
import { CitizenOnly } from './CitizenOnly.js';
import { PlanExport } from './PlanExport.js';
import { RetentionNote } from './RetentionNote.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** "Hvem har set mine oplysninger": when, who (unit, role, name where shown), why; break the glass highlighted. */
export function AccessLogPage(): ReactElement {
  return <CitizenOnly render={(citizenId) => <AccessLogView citizenId={citizenId} />} />;
}

function AccessLogView({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('accessLog.title'));
  const log = useAccessLog(citizenId);
  const breakGlass = log.data?.items.filter((entry) => entry.breakGlass).length ?? 0;
  return (
    <>
      <h1>{t('accessLog.title')}</h1>
      <p className="font-lead">{t('accessLog.intro')}</p>
      <p>{t('accessLog.visitsNote')}</p>
      <QueryStatus query={log} />
      {log.data ? (
        <>
          {log.data.showsNames ? null : <p className="samspil-muted">{t('accessLog.namesHidden')}</p>}
          {breakGlass > 0 ? (
            <p className="samspil-break-glass-note">{t('accessLog.breakGlassNote', { count: breakGlass })}</p>
          ) : null}
          {log.data.items.length === 0 ? (
            <p>{t('accessLog.empty')}</p>
          ) : (
            <div className="samspil-table-wrapper">
              <table className="table table--zebra table-md-responsive-headers samspil-caseload samspil-access-log">
                <caption className="sr-only">{t('accessLog.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accessLog.column.when')}</th>
                    <th scope="col">{t('accessLog.column.who')}</th>
                    <th scope="col">{t('accessLog.column.what')}</th>
                    <th scope="col">{t('accessLog.column.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.items.map((entry) => (
                    // Entries carry no id; the instant, action and subject tell them apart in practice.
                    <AccessRow
                      key={`${entry.at}|${entry.action}|${entry.what}|${entry.who.role}`}
                      entry={entry}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      <RetentionNote citizenId={citizenId} />
      <PlanExport citizenId={citizenId} audience="citizen" />
    </>
  );
}

/**
 * What was done, in words: a list the citizen was in, one page visit with all it looked at (the
 * server's words for the parts), or one act.
 */
function entryText(t: TFunction, entry: AccessLogEntry, language: 'da' | 'en'): string {
  if (entry.inList) {
    if (entry.what === 'audit') return t('accessLog.inAuditSearch');
    return entry.who.unit ? t('accessLog.inList', { unit: entry.who.unit }) : t('accessLog.inListNoUnit');
  }
  if (entry.parts.length > 1) return entry.description[language];
  return accessWhat(t, entry.action, entry.what);
}

function AccessRow({ entry }: { entry: AccessLogEntry }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const role = t(`role.${entry.who.role}`, { defaultValue: entry.who.role });
  return (
    <tr className={entry.breakGlass ? 'samspil-break-glass-row' : undefined}>
      <td data-title={t('accessLog.column.when')}>
        <span className="samspil-nowrap">{formatDateTime(entry.at, language)}</span>
      </td>
      <td data-title={t('accessLog.column.who')}>
        <span className="samspil-cell">
          {entry.who.name ? <strong className="samspil-block">{entry.who.name}</strong> : null}
          {[role, entry.who.unit].filter(Boolean).join(', ')}
        </span>
      </td>
      <td data-title={t('accessLog.column.what')}>
        {entryText(t, entry, language)}
        {entry.outcome === 'denied' ? (
          <span className="samspil-block samspil-muted">{t('accessLog.denied')}</span>
        ) : null}
      </td>
      <td data-title={t('accessLog.column.why')}>
        {entry.breakGlass ? (
          <span className="badge samspil-badge badge-error samspil-block-badge">
            {t('accessLog.breakGlass')}
          </span>
        ) : null}
        {accessWhy(t, entry.why)}
        {entry.review ? (
          <span className="samspil-block samspil-muted">
            {t('accessLog.review', { outcome: t(`breakGlassReview.outcome.${entry.review.outcome}`) })}
            {entry.review.comment
              ? ` ${t('accessLog.reviewComment', { comment: entry.review.comment })}`
              : null}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
