import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next paging with the current position, in DKFDS button styles. */
export function Pagination({ page, pageSize, total, onPage }: PaginationProps): ReactElement | null {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="samspil-pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button button-secondary samspil-pagination-button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        aria-label={t('pagination.previousLabel')}
      >
        <Icon name="chevron-left" />
        {t('pagination.previous')}
      </button>
      <p className="samspil-pagination-status" aria-current="page">
        {t('pagination.status', { page, pages })}
      </p>
      <button
        type="button"
        className="button button-secondary samspil-pagination-button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        aria-label={t('pagination.nextLabel')}
      >
        {t('pagination.next')}
        <Icon name="chevron-right" />
      </button>
    </nav>
  );
}
