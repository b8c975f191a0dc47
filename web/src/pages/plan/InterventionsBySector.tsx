import type { PresentedIntervention, PresentedPlan } from '../../api/plan.js';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type InterventionStatus, SECTOR_LABELS, type SubGoalView } from '../../domain.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { useToggle } from '../../hooks/useToggle.js';
import { InterventionCard } from './InterventionCard.js';
import { isRestricted } from './intervention-view.js';
import { RestrictedInterventionCard } from './RestrictedInterventionCard.js';
import { usePlanContext } from './PlanContext.js';
import { InterventionForm } from './edit/LazyForms.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { EndedGroup } from './sections/EndedGroup.js';
import { PlanSection } from './sections/PlanSection.js';

/** What is going on now comes first; ended interventions are folded under "Afsluttede (n)". */
const STATUS_ORDER: Record<InterventionStatus, number> = { active: 0, paused: 1, planned: 2, ended: 3 };

interface InterventionsBySectorProps {
  sectors: PresentedPlan['sectors'];
  subGoalsById: ReadonlyMap<string, SubGoalView>;
  withoutSubGoal: ReadonlySet<string>;
}

/** Every intervention in the plan, grouped by the sector that gives it. */
export function InterventionsBySector({
  sectors,
  subGoalsById,
  withoutSubGoal,
}: InterventionsBySectorProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { canEdit } = usePlanContext();
  const adder = useToggle();
  const nonEmpty = sectors.filter((group) => group.interventions.length > 0);
  const activeCount = sectors.reduce(
    (sum, group) => sum + group.interventions.filter((item) => item.status !== 'ended').length,
    0,
  );
  const card = (intervention: PresentedIntervention): ReactElement =>
    isRestricted(intervention) ? (
      <RestrictedInterventionCard key={intervention.id} intervention={intervention} />
    ) : (
      <InterventionCard
        key={intervention.id}
        intervention={intervention}
        subGoalsById={subGoalsById}
        withoutSubGoal={withoutSubGoal.has(intervention.id)}
      />
    );
  return (
    <PlanSection
      headingId={anchors.interventions}
      title={t('plan.interventions.heading')}
      summary={t('plan.interventions.activeCount', { count: activeCount })}
      actions={
        canEdit && !adder.open ? <OpenFormButton toggle={adder} label={t('plan.interventions.add')} /> : null
      }
    >
      {adder.open ? <InterventionForm onDone={adder.hide} /> : null}
      {nonEmpty.length === 0 ? <p>{t('plan.interventions.empty')}</p> : null}
      {/* Said once for the whole list, not on every card with hidden details (dashed border). */}
      {sectors.some((group) => group.interventions.some(isRestricted)) ? (
        <p className="samspil-muted samspil-small">{t('plan.interventions.restrictedText')}</p>
      ) : null}
      {nonEmpty.map((group) => {
        const headingId = `${anchors.interventions}-${group.sector}`;
        const current = group.interventions
          .filter((item) => item.status !== 'ended')
          .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
        const ended = group.interventions.filter((item) => item.status === 'ended');
        return (
          <section key={group.sector} aria-labelledby={headingId} className="samspil-sector">
            <h3 id={headingId} className="samspil-sector-heading">
              {SECTOR_LABELS[group.sector]?.[language] ?? group.sector}
              <span className="samspil-sector-count">
                {t('plan.interventions.count', { count: current.length })}
              </span>
            </h3>
            {current.length > 0 ? (
              <ul className="samspil-interventions no-max-width">{current.map(card)}</ul>
            ) : null}
            <EndedGroup count={ended.length}>
              <ul className="samspil-interventions no-max-width">{ended.map(card)}</ul>
            </EndedGroup>
          </section>
        );
      })}
    </PlanSection>
  );
}
