import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

export type SortDirection = 'ascending' | 'descending';

interface SortableHeaderProps {
  label: ReactNode;
  /** This column's sort direction, when the table is sorted by it. */
  direction: SortDirection | null;
  onSort: () => void;
  className?: string;
}

/**
 * A column header of a DKFDS sortable table: the header holds a button, `aria-sort` says how the
 * table is sorted by it, and the hidden text says what a click will do (as DKFDS words it).
 */
export function SortableHeader({ label, direction, onSort, className }: SortableHeaderProps): ReactElement {
  const { t } = useTranslation();
  const hint =
    direction === 'ascending'
      ? t('table.sortDescending')
      : direction === 'descending'
        ? t('table.sortAscending')
        : t('table.sortBy');
  const icon =
    direction === 'ascending'
      ? 'sort-table-ascending'
      : direction === 'descending'
        ? 'sort-table-descending'
        : 'sort-table-none';
  return (
    <th scope="col" aria-sort={direction ?? undefined} className={className}>
      <button type="button" className="button button-unstyled samspil-sort-button" onClick={onSort}>
        {label}
        <span className="sr-only"> {hint}</span>
        <Icon name={icon} className="mr-0 ml-2" />
      </button>
    </th>
  );
}
