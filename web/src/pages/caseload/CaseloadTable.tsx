import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseloadItem, visibleChangeAt } from '../../api/workspace.js';
import { type SortDirection, SortableHeader } from '../../components/SortableHeader.js';
import { SectorTags } from '../../components/SectorTags.js';
import { SECTOR_LABELS } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import type { Language } from '../../i18n/index.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';

/** Sectors shown in a row before "+N" (the rest are read out), so a row stays one line. */
const SECTORS_SHOWN = 3;

interface CaseloadTableProps {
  items: CaseloadItem[];
  caption: string;
  id?: string;
  /** The name column sorts (on the server); without it the header is plain. */
  nameSort?: { direction: SortDirection; onSort: () => void };
}

/**
 * Citizens as a compact DKFDS table, one line each on a wide screen (names never break);
 * below the md breakpoint each row becomes a card with its headers.
 */
export function CaseloadTable({ items, caption, id, nameSort }: CaseloadTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const column = (name: string): string => t(`caseload.column.${name}`);
  return (
    <div className="samspil-table-wrapper">
      <table
        className="table table--zebra table--compact table-md-responsive-headers samspil-caseload samspil-compact-list"
        id={id}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {nameSort ? (
              <SortableHeader
                label={column('name')}
                direction={nameSort.direction}
                onSort={nameSort.onSort}
              />
            ) : (
              <th scope="col">{column('name')}</th>
            )}
            <th scope="col">{column('cpr')}</th>
            <th scope="col">{column('relation')}</th>
            <th scope="col">{column('sectors')}</th>
            <th scope="col" className="samspil-numeric">
              {t('myDay.column.activeInterventions')}
            </th>
            <th scope="col">{column('updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = `${item.givenName} ${item.familyName}`;
            return (
              <tr key={item.id}>
                <th scope="row" data-title={column('name')} className="samspil-person-name">
                  <Link to={planPath(item.id)}>{name}</Link>
                </th>
                <td data-title={column('cpr')} className="samspil-nowrap samspil-muted">
                  {item.cprMasked}
                </td>
                <td data-title={column('relation')}>
                  {t(`myDay.relationShort.${item.relation}`, { defaultValue: item.relation })}
                </td>
                <td data-title={column('sectors')} className="samspil-sector-cell">
                  <SectorTags sectors={item.sectors.slice(0, SECTORS_SHOWN)} />
                  {item.sectors.length > SECTORS_SHOWN ? (
                    <span className="samspil-muted samspil-small">
                      {' '}
                      {t('myDay.tag.more', { count: item.sectors.length - SECTORS_SHOWN })}
                      <span className="sr-only">
                        {' '}
                        {item.sectors
                          .slice(SECTORS_SHOWN)
                          .map((sector) => SECTOR_LABELS[sector]?.[language] ?? sector)
                          .join(', ')}
                      </span>
                    </span>
                  ) : null}
                </td>
                <td data-title={t('myDay.column.activeInterventions')} className="samspil-numeric">
                  {item.activeInterventions}
                </td>
                <td data-title={column('updatedAt')} className="samspil-nowrap-md">
                  {changedDay(item.updatedAt, language, t('caseload.noVisibleChange'))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Senest ændret" as a day, or a dash (named for screen readers) when no change can be shown. */
function changedDay(updatedAt: string, language: Language, none: string): ReactElement | string {
  const at = visibleChangeAt(updatedAt);
  if (at) return formatDate(danishToday(at), language);
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">{none}</span>
    </>
  );
}
