import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayMonth } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * "Overskredet siden 3. nov.": an overdue date in words and in the DKFDS error colour, so the
 * meaning never rests on the colour alone (overdue.ts decides what is overdue). `short` says only
 * "Overskredet", for a place that shows the date right beside it (a caseload row).
 */
export function OverdueTag({ since, short = false }: { since: string; short?: boolean }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="badge samspil-badge badge-error samspil-overdue">
      {short ? t('plan.overdue.short') : t('plan.overdue.since', { date: formatDayMonth(since, language) })}
    </span>
  );
}
