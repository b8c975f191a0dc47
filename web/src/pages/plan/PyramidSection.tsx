import type { PresentedPlan } from '../../api/plan.js';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PYRAMID_LABELS, PYRAMID_LEVELS, type PyramidLevel } from '../../domain.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { isRestricted } from './intervention-view.js';
import { PlanSection } from './sections/PlanSection.js';

/** Active supports per level of the activity pyramid (1 own effort … 5 specialised services). */
export function pyramidCounts(plan: PresentedPlan): Record<PyramidLevel, number> {
  const counts: Record<PyramidLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const group of plan.sectors) {
    for (const intervention of group.interventions) {
      // Another unit's intervention without consent shows no level: it is not counted here.
      if (!isRestricted(intervention) && intervention.status === 'active')
        counts[intervention.pyramidLevel] += 1;
    }
  }
  return counts;
}

/**
 * The activity pyramid for this citizen: most help should come from the bottom (own effort,
 * network, civil society) before general and specialised services. Drawn as a list of
 * levels, widest at the bottom, each with its count in text.
 */
export function PyramidSection({ plan }: { plan: PresentedPlan }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = pyramidCounts(plan);
  const topDown = [...PYRAMID_LEVELS].reverse();
  return (
    <PlanSection headingId={anchors.pyramid} title={t('plan.pyramid.heading')} defaultOpen={false}>
      <p className="samspil-muted">{t('plan.pyramid.intro')}</p>
      <ol className="samspil-pyramid no-max-width">
        {topDown.map((level) => (
          <li
            key={level}
            className={`samspil-pyramid-level level-${level}${counts[level] === 0 ? ' is-empty' : ''}`}
          >
            <span className="samspil-pyramid-name">
              {level}. {PYRAMID_LABELS[level][language]}
            </span>
            <span className="samspil-pyramid-count">{t('plan.pyramid.count', { count: counts[level] })}</span>
          </li>
        ))}
      </ol>
    </PlanSection>
  );
}
