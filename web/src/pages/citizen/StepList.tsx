import type { ReactElement, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SubGoalView } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { type MyPathway, progressWords } from './my-pathway.js';
import { OwnRating } from './MyRatings.js';

interface StepListProps {
  citizenId: string;
  view: MyPathway;
  context: 'relative' | undefined;
  owner: string;
}

/** The steps toward the goal, where each is in words; finished steps folded away below. */
export function StepList({ citizenId, view, context, owner }: StepListProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mine-skridt" className="samspil-my-steps">
      <h2 id="mine-skridt">{t('citizen.steps.heading', { context, owner })}</h2>
      {view.activeSteps.length === 0 ? <p>{t('citizen.steps.none')}</p> : null}
      <ul className="samspil-step-list">
        {view.activeSteps.map((goal) => (
          <Step key={goal.id} goal={goal}>
            <OwnRating citizenId={citizenId} step={goal} readOnly={context !== undefined} />
          </Step>
        ))}
      </ul>
      {view.finishedSteps.length > 0 ? (
        <details className="samspil-folded">
          <summary>{t('citizen.steps.finished', { count: view.finishedSteps.length })}</summary>
          <ul className="samspil-step-list">
            {view.finishedSteps.map((goal) => (
              <Step key={goal.id} goal={goal} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** An active step's progress in words (or just that it started); else achieved or stopped. */
function stepState(goal: SubGoalView, t: TFunction): string {
  if (goal.status === 'active')
    return goal.gasLevel === null
      ? t('citizen.steps.started')
      : t(`citizen.progress.${progressWords(goal.gasLevel)}`);
  return goal.status === 'achieved' ? t('citizen.steps.achieved') : t('citizen.steps.stopped');
}

function Step({ goal, children }: { goal: SubGoalView; children?: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = stepState(goal, t);
  return (
    <li className="samspil-step">
      <h3 className="h5">{goal.title}</h3>
      <p>
        {state}
        {goal.targetDate
          ? ` ${t('citizen.steps.when', { date: formatDate(goal.targetDate, language) })}`
          : ''}
      </p>
      {children}
    </li>
  );
}
