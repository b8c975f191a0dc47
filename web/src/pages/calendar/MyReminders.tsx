import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dayInWords, isDay } from '../../../../src/domain/calendar.js';
import { type CitizenReminder, useCitizenReminders } from '../../api/calendar-feeds.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * The citizen's reminders on Mit forløb: a meeting tomorrow, the last day to answer a hearing.
 * Shown only when there are any, newest first.
 */
export function MyReminders({
  citizenId,
  context,
}: {
  citizenId: string;
  context?: string;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const reminders = useCitizenReminders(citizenId);
  if (!reminders.data || reminders.data.length === 0) return null;
  const say = (item: CitizenReminder): string => {
    if (item.kind === 'reminder-meeting')
      return t('reminders.citizen.meeting', { context, when: formatDateTime(item.at, language) });
    const day = isDay(item.at) ? dayInWords(item.at, language) : item.at;
    return t('reminders.citizen.hearing', { context, day });
  };
  return (
    <section aria-labelledby="mine-paamindelser" className="samspil-my-reminders">
      <h2 id="mine-paamindelser">{t('reminders.citizen.heading')}</h2>
      <ul>
        {reminders.data.map((item) => (
          <li key={item.id}>{say(item)}</li>
        ))}
      </ul>
    </section>
  );
}
