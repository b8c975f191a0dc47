import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title for a page, so screen-reader users hear where they landed. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name');
  }, [page, t]);
}
