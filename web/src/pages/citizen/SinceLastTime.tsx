import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type PresentedPlan, usePlanHistory } from '../../api/plan.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { sinceLastTime } from './since-last-time.js';

interface SinceLastTimeProps {
  citizenId: string;
  plan: PresentedPlan;
  meId: string | null;
  context: 'relative' | undefined;
}

/** "Siden sidst": what others changed in the plan since the previous visit, in sentences. */
export function SinceLastTime({ citizenId, plan, meId, context }: SinceLastTimeProps): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = usePlanHistory(citizenId);
  if (!history.data) return null;
  const { previousVisitAt } = history.data;
  const sentences = sinceLastTime(history.data.items, previousVisitAt, plan, meId);
  /** What others changed since the previous visit; on a first visit, or with nothing new, says so. */
  const news = (): ReactElement => {
    if (previousVisitAt === null) return <p>{t('citizen.since.firstVisit', { context })}</p>;
    if (sentences.length === 0)
      return <p>{t('citizen.since.nothing', { when: formatDateTime(previousVisitAt, language) })}</p>;
    return (
      <>
        <p className="samspil-muted">
          {t('citizen.since.intro', { when: formatDateTime(previousVisitAt, language) })}
        </p>
        <ul>
          {sentences.map((sentence) => (
            <li key={sentence.id}>
              {t(`citizen.since.${sentence.key}`, {
                ...sentence.values,
                context,
                progress: sentence.values.progress ? t(`citizen.progress.${sentence.values.progress}`) : '',
              })}
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <section aria-labelledby="siden-sidst" className="samspil-since-last-time">
      <h2 id="siden-sidst">{t('citizen.since.heading')}</h2>
      {news()}
    </section>
  );
}
