import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttentionItem } from '../../api/workspace.js';
import { useMyDayFlags } from '../../api/coordination.js';
import { type SortDirection, SortableHeader } from '../../components/SortableHeader.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import type { SortKey } from './attention-filter.js';
import { AttentionTags } from './AttentionTags.js';
import { OverdueTag } from '../plan/OverdueTag.js';

interface AttentionTableProps {
  items: AttentionItem[];
  caption: string;
  today: string;
  id?: string;
  /** The team leader's list shows the relation to the unit, not to the viewer. */
  showRelation?: boolean;
  /** The order shown, and what a click on a column header asks for; without it the headers are plain. */
  sort?: { key: SortKey; direction: SortDirection; onSort: (key: SortKey) => void };
}

/**
 * Citizens with what needs attention, one line each on a wide screen (names never break);
 * below the md breakpoint each row becomes a card with its headers.
 */
export function AttentionTable({
  items,
  caption,
  today,
  id,
  showRelation = true,
  sort,
}: AttentionTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  // The same query My day ranks by (cached): the flags are among what needs attention.
  const flags = useMyDayFlags().data;
  const column = (name: string): string => t(`myDay.column.${name}`);
  const dayText = (day: string): string => (day === today ? t('myDay.today') : formatDate(day, language));
  const header = (key: SortKey, label: string, className?: string): ReactElement =>
    sort ? (
      <SortableHeader
        label={label}
        className={className}
        direction={sort.key === key ? sort.direction : null}
        onSort={() => sort.onSort(key)}
      />
    ) : (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  return (
    <div className="samspil-table-wrapper">
      <table
        className="table table--zebra table--compact table-md-responsive-headers samspil-caseload samspil-attention-table samspil-compact-list"
        id={id}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {header('name', column('name'))}
            <th scope="col">{column('cpr')}</th>
            {header('attention', column('attention'))}
            {header('nextFollowUp', column('nextFollowUp'))}
            {showRelation ? header('relation', column('relation')) : null}
            {header('activeInterventions', column('activeInterventions'), 'samspil-numeric')}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = `${item.givenName} ${item.familyName}`;
            const next = item.attention.nextFollowUp;
            return (
              <tr key={item.id}>
                <th scope="row" data-title={column('name')} className="samspil-person-name">
                  <Link to={planPath(item.id)}>{name}</Link>
                </th>
                <td data-title={column('cpr')} className="samspil-nowrap samspil-muted">
                  {item.cprMasked}
                </td>
                <td data-title={column('attention')}>
                  <AttentionTags item={item} flags={flags?.get(item.id)} />
                </td>
                <td data-title={column('nextFollowUp')} className="samspil-nowrap">
                  {next ? dayText(next) : '—'}
                  {next && next < today ? (
                    <>
                      {' '}
                      <OverdueTag since={next} short />
                    </>
                  ) : null}
                </td>
                {showRelation ? (
                  <td data-title={column('relation')} className="samspil-nowrap-md">
                    {t(`myDay.relationShort.${item.relation}`, { defaultValue: item.relation })}
                  </td>
                ) : null}
                <td data-title={column('activeInterventions')} className="samspil-numeric">
                  {item.activeInterventions}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
