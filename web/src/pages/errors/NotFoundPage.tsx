import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';

/** Shown for an unknown address and when the server answers 404. */
export function NotFoundPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFoundTitle'));
  return (
    <div className="samspil-error-page">
      <h1>{t('errors.notFoundTitle')}</h1>
      <p className="font-lead">{t('errors.notFoundText')}</p>
      <p>
        <Link className="button button-primary" to="/">
          {t('errors.toFrontPage')}
        </Link>
      </p>
    </div>
  );
}
