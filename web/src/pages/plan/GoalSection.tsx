import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOverview } from '../../domain.js';
import { anchors } from './anchors.js';
import { GapWarning } from './GapWarning.js';

interface GoalSectionProps {
  goal: PlanOverview['goal'];
  missing: boolean;
  context: 'citizen' | undefined;
}

/** The citizen's own goal in their own words, first and largest; the professional wording below it. */
export function GoalSection({ goal, missing, context }: GoalSectionProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={anchors.goal} className="samspil-goal">
      <h2 id={anchors.goal}>{t('plan.goal.heading', { context })}</h2>
      {missing || !goal ? (
        <GapWarning>{t('plan.gaps.missingGoal', { context })}</GapWarning>
      ) : (
        <>
          <figure className="samspil-own-words">
            <blockquote>
              <p>{goal.ownWords}</p>
            </blockquote>
            <figcaption>{t('plan.goal.ownWords', { context })}</figcaption>
          </figure>
          <div className="samspil-professional-wording">
            <h3 className="h5">{t('plan.goal.professionalWording')}</h3>
            <p className="samspil-professional-text">
              {goal.professionalWording ?? t('plan.goal.noProfessionalWording')}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
