import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A DKFDS spinner with a text that screen readers announce politely. */
export function Loading({ label }: { label?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="samspil-loading" role="status">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status">{label ?? t('app.loading')}</div>
    </div>
  );
}
