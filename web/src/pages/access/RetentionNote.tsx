import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCitizenRetention } from '../../api/retention.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * How long her data is kept and when it would be deleted (GDPR art. 15(1)(d)), beside who has
 * seen it: the municipality's period and her case's state, as the server works them out.
 */
export function RetentionNote({ citizenId }: { citizenId: string }): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const retention = useCitizenRetention(citizenId);
  if (!retention.data) return null;
  const { months, status, caseEndedOn, deletionDueOn } = retention.data;
  const ended = caseEndedOn ? formatDate(caseEndedOn, language) : '';
  const deletion = deletionDueOn ? formatDate(deletionDueOn, language) : '';
  let text: string;
  if (status === 'open' && months !== null) {
    const period =
      months % 12 === 0
        ? t('accessLog.retention.years', { count: months / 12 })
        : t('accessLog.retention.months', { count: months });
    text = t('accessLog.retention.openWithPeriod', { period });
  } else if (status === 'open') {
    text = t('accessLog.retention.openArchive');
  } else {
    text = t(`accessLog.retention.${status}`, { ended, deletion });
  }
  return (
    <section aria-labelledby="retention-heading" className="mt-7">
      <h2 id="retention-heading">{t('accessLog.retention.heading')}</h2>
      <p>{text}</p>
      <p className="samspil-muted">{t('accessLog.retention.auditNote')}</p>
    </section>
  );
}
