import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditFilter } from '../../api/access-types.js';
import { isApiError } from '../../api/client.js';
import { useAuditEvents } from '../../api/useAuditEvents.js';
import { useMe } from '../../api/useMe.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { breakGlassReviewPath } from '../coordination/paths.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { AuditFilterForm } from './AuditFilterForm.js';

/** "Tilsyn": the leader searches the audit trail — who did what to which citizen, when and why. */
export function AuditPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('audit.title'));
  const me = useMe();
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const events = useAuditEvents(filter);
  const unitId = me.data?.kind === 'professional' ? (me.data.unit?.id ?? '') : '';

  if (events.isError && isApiError(events.error, 403)) return <ForbiddenPage kind="unit" />;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="font-lead">{t('audit.intro')}</p>
      <p>
        <Link to={breakGlassReviewPath}>{t('audit.toBreakGlass')}</Link>
      </p>
      <AuditFilterForm unitId={unitId} onSearch={setFilter} />
      {events.isFetching ? <Loading /> : null}
      {events.error ? <ErrorAlert error={events.error} /> : null}
      {events.data ? (
        <section aria-labelledby="audit-results" className="mt-7">
          <h2 id="audit-results">{t('audit.results', { count: events.data.length })}</h2>
          <div className="samspil-table-wrapper">
            <table className="table table--zebra table-md-responsive-headers samspil-caseload">
              <caption className="sr-only">{t('audit.results', { count: events.data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.column.when')}</th>
                  <th scope="col">{t('audit.column.who')}</th>
                  <th scope="col">{t('audit.column.what')}</th>
                  <th scope="col">{t('audit.column.outcome')}</th>
                  <th scope="col">{t('audit.column.why')}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.map((event) => (
                  <tr key={event.id}>
                    <td data-title={t('audit.column.when')}>
                      <span className="samspil-nowrap">{formatDateTime(event.at, language)}</span>
                    </td>
                    <td data-title={t('audit.column.who')}>
                      {event.actor.name ?? event.actor.id} (
                      {t(`role.${event.actor.role}`, { defaultValue: event.actor.role })})
                    </td>
                    <td data-title={t('audit.column.what')}>
                      {t(`audit.actions.${event.action}`, { defaultValue: event.action })} · {event.resource}
                    </td>
                    <td data-title={t('audit.column.outcome')}>
                      {event.outcome === 'denied' ? (
                        <span className="badge samspil-badge badge-error">{t('audit.denied')}</span>
                      ) : (
                        t('audit.allowed')
                      )}
                    </td>
                    <td data-title={t('audit.column.why')}>
                      {[
                        event.purpose,
                        typeof event.details?.basis === 'string'
                          ? t(`accessBasis.${event.details.basis}`, { defaultValue: event.details.basis })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
