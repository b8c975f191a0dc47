import { type ReactElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BreakGlassAccess, useBreakGlassList } from '../../api/break-glass.js';
import { isApiError } from '../../api/client.js';
import { useMe } from '../../api/auth.js';
import { BreakGlassReviewForm } from './BreakGlassReviewForm.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { auditPath } from '../coordination/paths.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { QueryStatus } from '../../components/QueryStatus.js';

/** The leader's review of break-the-glass accesses: who, which citizen, why, when; mark reviewed. */
export function BreakGlassReviewPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('breakGlassReview.title'));
  const list = useBreakGlassList();
  const me = useMe();
  const [selected, setSelected] = useState<string | null>(null);

  if (list.isError && isApiError(list.error, 403)) return <ForbiddenPage kind="unit" />;
  /** The review given; else one's own access (someone else reviews it), or the button to review it. */
  const reviewCell = (item: BreakGlassAccess): ReactNode => {
    if (item.reviewedAt) {
      return (
        <>
          {item.review ? <strong>{t(`breakGlassReview.outcome.${item.review.outcome}`)}</strong> : null}{' '}
          {item.review?.reviewer
            ? t('breakGlassReview.reviewedAtBy', {
                date: formatDateTime(item.reviewedAt, language),
                who: item.review.reviewer.name,
              })
            : t('breakGlassReview.reviewedAt', {
                date: formatDateTime(item.reviewedAt, language),
              })}
          {item.review?.comment ? <p className="samspil-muted">{item.review.comment}</p> : null}
        </>
      );
    }
    if (item.professional.id === me.data?.id) return t('breakGlassReview.ownAccess');
    return (
      <button type="button" className="button button-secondary" onClick={() => setSelected(item.id)}>
        {t('breakGlassReview.review')}
        <span className="sr-only">
          : {item.professional.name}, {item.citizen.name}
        </span>
      </button>
    );
  };
  return (
    <>
      <h1>{t('breakGlassReview.title')}</h1>
      <p className="font-lead">{t('breakGlassReview.intro')}</p>
      <p>
        <Link to={auditPath}>{t('breakGlassReview.toAudit')}</Link>
      </p>
      <QueryStatus query={list} />
      {selected ? <BreakGlassReviewForm breakGlassId={selected} onDone={() => setSelected(null)} /> : null}
      {list.data?.length === 0 ? <p>{t('breakGlassReview.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="samspil-table-wrapper">
          <table className="table table--zebra table-md-responsive-headers samspil-caseload">
            <caption className="sr-only">{t('breakGlassReview.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breakGlassReview.column.when')}</th>
                <th scope="col">{t('breakGlassReview.column.who')}</th>
                <th scope="col">{t('breakGlassReview.column.citizen')}</th>
                <th scope="col">{t('breakGlassReview.column.reason')}</th>
                <th scope="col">{t('breakGlassReview.column.review')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.id}>
                  <td data-title={t('breakGlassReview.column.when')}>
                    <span className="samspil-nowrap">{formatDateTime(item.startedAt, language)}</span>
                  </td>
                  <td data-title={t('breakGlassReview.column.who')}>
                    {item.professional.name}, {item.unit.name}
                  </td>
                  <td data-title={t('breakGlassReview.column.citizen')}>{item.citizen.name}</td>
                  <td data-title={t('breakGlassReview.column.reason')}>
                    <strong>{t(`breakGlass.reasons.${item.reasonCode}`)}</strong>: {item.reason}
                  </td>
                  <td data-title={t('breakGlassReview.column.review')}>{reviewCell(item)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
