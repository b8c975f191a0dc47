import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { homePath } from '../../routes.js';

/** Shown when the server answers 403: no relationship to the citizen, or not the unit's leader. */
export function ForbiddenPage({ kind = 'citizen' }: { kind?: 'citizen' | 'unit' }): ReactElement {
  const { t } = useTranslation();
  const title = kind === 'unit' ? t('errors.forbiddenUnitTitle') : t('errors.forbiddenTitle');
  useDocumentTitle(title);
  const me = useMe();
  return (
    <div className="samspil-error-page">
      <h1>{title}</h1>
      <p className="font-lead">
        {kind === 'unit' ? t('errors.forbiddenUnitText') : t('errors.forbiddenText')}
      </p>
      <p>
        <Link className="button button-primary" to={me.data ? homePath(me.data) : '/'}>
          {me.data?.kind === 'professional' ? t('plan.backToMyDay') : t('errors.toFrontPage')}
        </Link>
      </p>
    </div>
  );
}
