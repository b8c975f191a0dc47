import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings.js';
import { minutesUrl } from '../../api/network-meetings.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/** The minutes of her held network meetings, newest first, each as a PDF in plain language. */
export function MeetingMinutes({
  citizenId,
  meetings,
}: {
  citizenId: string;
  meetings: readonly Meeting[];
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const held = meetings
    .filter((meeting) => meeting.kind === 'network' && meeting.status === 'held')
    .reverse();
  if (held.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-minutes">
      <h2 id={`${id}-heading`}>{t('networkMeeting.citizen.heading')}</h2>
      <ul>
        {held.map((meeting) => (
          <li key={meeting.id}>
            <a href={minutesUrl(citizenId, meeting.id)} download>
              {t('networkMeeting.citizen.minutesOf', { when: formatDateTime(meeting.startsAt, language) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
