import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionView, SubGoalView } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { GapWarning } from './GapWarning.js';
import { GasScale } from './GasScale.js';
import { StatusBadge } from './StatusBadge.js';

interface SubGoalListProps {
  subGoals: SubGoalView[];
  interventionsById: ReadonlyMap<string, InterventionView>;
  withoutIntervention: ReadonlySet<string>;
}

/** The sub-goals (delmål), each with status, target date, GAS level and the interventions that serve it. */
export function SubGoalList({
  subGoals,
  interventionsById,
  withoutIntervention,
}: SubGoalListProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby={anchors.subGoals}>
      <h2 id={anchors.subGoals}>{t('plan.subGoals.heading')}</h2>
      {subGoals.length === 0 ? <p>{t('plan.subGoals.empty')}</p> : null}
      <ol className="samspil-sub-goals no-max-width">
        {subGoals.map((subGoal) => {
          const serving = subGoal.interventionIds
            .map((interventionId) => interventionsById.get(interventionId))
            .filter((intervention): intervention is InterventionView => intervention !== undefined);
          return (
            <li key={subGoal.id} id={anchors.subGoal(subGoal.id)} className="samspil-sub-goal" tabIndex={-1}>
              <div className="samspil-item-heading">
                <h3 className="h4">{subGoal.title}</h3>
                <StatusBadge kind="subGoal" status={subGoal.status} />
              </div>
              <dl className="samspil-facts">
                <div>
                  <dt>{t('plan.subGoals.targetDate')}</dt>
                  <dd>
                    {subGoal.targetDate
                      ? formatDate(subGoal.targetDate, language)
                      : t('plan.subGoals.noTargetDate')}
                  </dd>
                </div>
                <div>
                  <dt>{t('plan.subGoals.gas')}</dt>
                  <dd>
                    <GasScale level={subGoal.gasLevel} />
                  </dd>
                </div>
                {subGoal.measure ? (
                  <div className="samspil-facts-wide">
                    <dt>{t('plan.subGoals.measure')}</dt>
                    <dd>{subGoal.measure}</dd>
                  </div>
                ) : null}
                {subGoal.endReason ? (
                  <div className="samspil-facts-wide">
                    <dt>{t('plan.subGoals.endReason')}</dt>
                    <dd>{subGoal.endReason}</dd>
                  </div>
                ) : null}
                {serving.length > 0 ? (
                  <div className="samspil-facts-wide">
                    <dt>{t('plan.subGoals.servedBy')}</dt>
                    <dd>
                      <ul className="samspil-inline-list no-max-width">
                        {serving.map((intervention) => (
                          <li key={intervention.id}>
                            <a href={`#${anchors.intervention(intervention.id)}`}>{intervention.type.name}</a>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ) : null}
              </dl>
              {withoutIntervention.has(subGoal.id) ? (
                <GapWarning>{t('plan.gaps.subGoalWithoutIntervention')}</GapWarning>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
