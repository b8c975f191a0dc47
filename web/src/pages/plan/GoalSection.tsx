import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOverview } from '../../domain.js';
import { anchors } from './anchors.js';
import { useToggle } from '../../hooks/useToggle.js';
import { CitizenVoice } from './CitizenVoice.js';
import { GapWarning } from './GapWarning.js';
import { usePlanContext } from './PlanContext.js';
import { GoalForm } from './edit/LazyForms.js';
import { PlanSection } from './sections/PlanSection.js';

interface GoalSectionProps {
  goal: PlanOverview['goal'];
  missing: boolean;
  context: 'citizen' | undefined;
}

/** The citizen's own goal in their own words, first and largest; the professional wording below it. */
export function GoalSection({ goal, missing, context }: GoalSectionProps): ReactElement {
  const { t } = useTranslation();
  const { canEdit } = usePlanContext();
  const editor = useToggle();
  return (
    <PlanSection
      headingId={anchors.goal}
      className="samspil-goal"
      title={t('plan.goal.heading', { context })}
      actions={
        canEdit && !editor.open ? (
          <button
            type="button"
            className="button button-secondary"
            ref={editor.trigger}
            onClick={editor.show}
          >
            {goal ? t('plan.goal.edit') : t('plan.goal.write')}
          </button>
        ) : null
      }
    >
      {editor.open ? <GoalForm onDone={editor.hide} /> : null}
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
      {context === 'citizen' ? null : <CitizenVoice />}
    </PlanSection>
  );
}
