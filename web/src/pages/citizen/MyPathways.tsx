import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathwayView } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * Her pathways in Mit forløb: each one's name and time, and for one that has ended, how it
 * ended in plain words (decision 0025). The caseworker's own reason is on the whole plan.
 */
export function MyPathways({
  pathways,
  context,
  owner,
}: {
  pathways: readonly PathwayView[];
  context: 'relative' | undefined;
  owner: string;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  if (pathways.length === 0) return null;
  return (
    <section aria-labelledby="mine-forloeb" className="samspil-my-pathways">
      <h2 id="mine-forloeb">{t('citizen.pathways.heading', { context, owner })}</h2>
      <p className="samspil-muted">{t('citizen.pathways.intro', { context })}</p>
      <ul className="nobullet-list">
        {pathways.map((pathway) => (
          <li key={pathway.id} className="mb-4">
            <strong>{pathway.name[language]}</strong>
            <br />
            {pathway.endDate
              ? t('citizen.pathways.period', {
                  from: formatDate(pathway.startDate, language),
                  to: formatDate(pathway.endDate, language),
                })
              : t('citizen.pathways.since', { from: formatDate(pathway.startDate, language) })}
            {pathway.outcome ? (
              <>
                <br />
                <span data-testid="my-pathway-outcome">
                  {t('citizen.pathways.ended', {
                    outcome: t(`citizen.pathways.outcome.${pathway.outcome}`, { context }),
                  })}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
