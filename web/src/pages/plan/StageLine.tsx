import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { danishToday } from '../../../../src/domain/calendar.js';
import { isOverdue, type PathwayView } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { OverdueTag } from './OverdueTag.js';

/**
 * "Fase: Forberedelse siden 3. nov. · frist 29. dec.": where a running pathway stands in its
 * template version and what is due, overdue in words (overdue.ts decides what is overdue).
 */
export function StageLine({ pathway }: { pathway: PathwayView }): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const stage = pathway.stage;
  if (!stage) return null;
  return (
    <span>
      {t('pathwayTemplates.stages.stageSince', {
        stage: stage.name[language],
        since: formatDate(stage.since, language),
      })}
      {stage.dueDate ? (
        <span className="samspil-nowrap">
          {` · ${t('pathwayTemplates.stages.due', { date: formatDate(stage.dueDate, language) })}`}
          {isOverdue(stage.dueDate, danishToday()) ? (
            <>
              {' '}
              <OverdueTag since={stage.dueDate} short />
            </>
          ) : null}
        </span>
      ) : null}{' '}
    </span>
  );
}
