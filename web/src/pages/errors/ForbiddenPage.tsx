import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/useMe.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { homePath } from '../../routes.js';

/** Shown when the server answers 403 for a citizen: no relationship, no access. */
export function ForbiddenPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.forbiddenTitle'));
  const me = useMe();
  return (
    <div className="samspil-error-page">
      <h1>{t('errors.forbiddenTitle')}</h1>
      <p className="font-lead">{t('errors.forbiddenText')}</p>
      <p>
        <Link className="button button-primary" to={me.data ? homePath(me.data) : '/'}>
          {me.data?.kind === 'professional' ? t('plan.backToCaseload') : t('errors.toFrontPage')}
        </Link>
      </p>
    </div>
  );
}
