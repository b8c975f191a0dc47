import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attention } from '../../api/types.js';

/** What needs attention for one citizen, as short labelled tags (text, not colour, carries the meaning). */
export function AttentionTags({ attention }: { attention: Attention }): ReactElement {
  const { t } = useTranslation();
  const tags: { key: string; text: string; tone: 'error' | 'warning' | 'info' }[] = [];
  if (attention.followUpsOverdue > 0)
    tags.push({
      key: 'overdue',
      text: t('myDay.tag.followUpsOverdue', { count: attention.followUpsOverdue }),
      tone: 'error',
    });
  if (attention.followUpsDueSoon > 0)
    tags.push({
      key: 'soon',
      text: t('myDay.tag.followUpsDueSoon', { count: attention.followUpsDueSoon }),
      tone: 'warning',
    });
  if (attention.changedSinceLastVisit)
    tags.push({ key: 'changed', text: t('myDay.tag.changedSinceLastVisit'), tone: 'info' });
  if (attention.noActiveIntervention)
    tags.push({ key: 'none', text: t('myDay.tag.noActiveIntervention'), tone: 'warning' });
  if (attention.subGoalsPastDate > 0)
    tags.push({
      key: 'past',
      text: t('myDay.tag.subGoalsPastDate', { count: attention.subGoalsPastDate }),
      tone: 'warning',
    });
  if (attention.gaps > 0)
    tags.push({ key: 'gaps', text: t('myDay.tag.gaps', { count: attention.gaps }), tone: 'info' });
  if (tags.length === 0) return <span className="samspil-muted">{t('myDay.tag.nothing')}</span>;
  return (
    <ul className="samspil-attention-tags no-max-width">
      {tags.map((tag) => (
        <li key={tag.key} className={`samspil-attention-tag is-${tag.tone}`}>
          {tag.text}
        </li>
      ))}
    </ul>
  );
}
