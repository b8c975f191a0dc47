import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFollowUps } from '../../api/follow-ups.js';
import type { PresentedPlan } from '../../api/plan.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { myFollowUps } from './my-follow-ups.js';

/** "Opfølgning": what the latest follow-ups decided about her plan, in plain Danish. Nothing when none. */
export function MyFollowUps({
  citizenId,
  plan,
}: {
  citizenId: string;
  plan: PresentedPlan;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const followUps = useFollowUps(citizenId);
  const lines = followUps.data ? myFollowUps(followUps.data, plan) : [];
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-my-follow-ups">
      <h2 id={`${id}-heading`}>{t('myFollowUps.heading')}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.id}>
            {t(`myFollowUps.${line.code}`, { date: formatDate(line.heldOn, language), name: line.name })}
            {line.reasons ? ` ${t('myFollowUps.why', { reasons: line.reasons })}` : null}
            {line.nextDate
              ? ` ${t('myFollowUps.next', { date: formatDate(line.nextDate, language) })}`
              : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
