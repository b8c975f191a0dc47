import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseloadItem } from '../../api/types.js';
import { SectorTags } from '../../components/SectorTags.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';

interface CaseloadTableProps {
  items: CaseloadItem[];
  caption: string;
  id?: string;
}

/** Citizens as a DKFDS table; below the md breakpoint each row becomes a card with its headers. */
export function CaseloadTable({ items, caption, id }: CaseloadTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const column = (name: string): string => t(`caseload.column.${name}`);
  return (
    <div className="samspil-table-wrapper">
      <table className="table table--zebra table-md-responsive-headers samspil-caseload" id={id}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column('name')}</th>
            <th scope="col" className="samspil-nowrap-md">
              {column('cpr')}
            </th>
            <th scope="col">{column('relation')}</th>
            <th scope="col">{column('sectors')}</th>
            <th scope="col" className="samspil-numeric">
              {column('activeInterventions')}
            </th>
            <th scope="col">{column('updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = `${item.givenName} ${item.familyName}`;
            return (
              <tr key={item.id}>
                <th scope="row" data-title={column('name')}>
                  <Link to={planPath(item.id)}>{name}</Link>
                </th>
                <td data-title={column('cpr')} className="samspil-nowrap">
                  {item.cprMasked}
                </td>
                <td data-title={column('relation')}>
                  {t(`caseload.relation.${item.relation}`, { defaultValue: item.relation })}
                </td>
                <td data-title={column('sectors')}>
                  <SectorTags sectors={item.sectors} />
                </td>
                <td data-title={column('activeInterventions')} className="samspil-numeric">
                  {item.activeInterventions}
                </td>
                <td data-title={column('updatedAt')} className="samspil-nowrap-md">
                  {formatDateTime(item.updatedAt, language)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
