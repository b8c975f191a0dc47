import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttentionItem } from '../../api/types.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import { FlagCountBadge } from '../coordination/FlagCountBadge.js';
import { AttentionTags } from './AttentionTags.js';
import { OverdueTag } from '../plan/OverdueTag.js';

interface AttentionTableProps {
  items: AttentionItem[];
  caption: string;
  today: string;
  id?: string;
  /** The team leader's list shows the relation to the unit, not to the viewer. */
  showRelation?: boolean;
}

/** Citizens with what needs attention; below the md breakpoint each row becomes a card. */
export function AttentionTable({
  items,
  caption,
  today,
  id,
  showRelation = true,
}: AttentionTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const column = (name: string): string => t(`myDay.column.${name}`);
  return (
    <div className="samspil-table-wrapper">
      <table
        className="table table--zebra table-md-responsive-headers samspil-caseload samspil-attention-table"
        id={id}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column('name')}</th>
            <th scope="col">{column('attention')}</th>
            <th scope="col">{column('nextFollowUp')}</th>
            {showRelation ? <th scope="col">{column('relation')}</th> : null}
            <th scope="col" className="samspil-numeric">
              {column('activeInterventions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = `${item.givenName} ${item.familyName}`;
            const next = item.attention.nextFollowUp;
            return (
              <tr key={item.id}>
                <th scope="row" data-title={column('name')}>
                  <span className="samspil-cell">
                    <Link to={planPath(item.id)}>{name}</Link>
                    <span className="samspil-muted samspil-small samspil-block">{item.cprMasked}</span>
                  </span>
                </th>
                <td data-title={column('attention')}>
                  <AttentionTags attention={item.attention} />
                  <FlagCountBadge citizenId={item.id} />
                </td>
                <td data-title={column('nextFollowUp')} className="samspil-nowrap-md">
                  {next ? (next === today ? t('myDay.today') : formatDate(next, language)) : '—'}
                  {next && next < today ? (
                    <>
                      {' '}
                      <OverdueTag since={next} />
                    </>
                  ) : null}
                </td>
                {showRelation ? (
                  <td data-title={column('relation')}>
                    {t(`caseload.relation.${item.relation}`, { defaultValue: item.relation })}
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
