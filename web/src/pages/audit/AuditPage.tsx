import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditFilter, useAuditVisits } from '../../api/audit.js';
import { isApiError } from '../../api/client.js';
import { useMe } from '../../api/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { breakGlassReviewPath } from '../coordination/paths.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditVisitsTable } from './AuditVisitsTable.js';

/**
 * "Tilsyn": the leader searches the audit trail — who saw or changed which citizen's data, when
 * and why — one row per page visit, in words (GET /api/audit/visits).
 */
export function AuditPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const me = useMe();
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const visits = useAuditVisits(filter);
  const unitId = me.data?.kind === 'professional' ? (me.data.unit?.id ?? '') : '';

  if (visits.isError && isApiError(visits.error, 403)) return <ForbiddenPage kind="unit" />;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="font-lead">{t('audit.intro')}</p>
      <p>
        <Link to={breakGlassReviewPath}>{t('audit.toBreakGlass')}</Link>
      </p>
      <AuditFilterForm unitId={unitId} onSearch={setFilter} />
      {visits.isFetching ? <Loading /> : null}
      {visits.error ? <ErrorAlert error={visits.error} /> : null}
      {visits.data ? (
        <section aria-labelledby="audit-results" className="mt-7">
          <h2 id="audit-results">{t('audit.results', { count: visits.data.length })}</h2>
          <p className="samspil-muted">{t('audit.groupingNote')}</p>
          <AuditVisitsTable
            visits={visits.data}
            caption={t('audit.results', { count: visits.data.length })}
          />
        </section>
      ) : null}
    </>
  );
}
