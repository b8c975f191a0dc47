import type { ReactElement, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './Icon.js';

export type SortDirection = 'ascending' | 'descending';

interface SortableHeaderProps {
  label: ReactNode;
  /** This column's sort direction, when the table is sorted by it. */
  direction: SortDirection | null;
  onSort: () => void;
  className?: string;
}

/** The icon for how the column is sorted now, and the hint for what a click does next. */
function sortCue(direction: SortDirection | null, t: TFunction): { hint: string; icon: IconName } {
  if (direction === 'ascending') return { hint: t('table.sortDescending'), icon: 'sort-table-ascending' };
  if (direction === 'descending') return { hint: t('table.sortAscending'), icon: 'sort-table-descending' };
  return { hint: t('table.sortBy'), icon: 'sort-table-none' };
}

/**
 * A column header of a DKFDS sortable table: the header holds a button, `aria-sort` says how the
 * table is sorted by it, and the hidden text says what a click will do (as DKFDS words it).
 */
export function SortableHeader({ label, direction, onSort, className }: SortableHeaderProps): ReactElement {
  const { t } = useTranslation();
  const { hint, icon } = sortCue(direction, t);
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
