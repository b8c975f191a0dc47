import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenMeasures } from '../../../api/measures.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { gasLabel } from '../GasScale.js';
import { usePlanContext } from '../PlanContext.js';

/**
 * Each sub-goal's GAS levels over time: its weight in the T-score now, and for every level the
 * weight it was recorded under, who gave the score and who recorded it.
 */
export function GasGoals({ goals }: { goals: CitizenMeasures['gas']['goals'] }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { plan } = usePlanContext();
  const weightOf = (subGoalId: string) => plan.subGoals.find((goal) => goal.id === subGoalId)?.gasWeight ?? 1;
  // Folded: the T-score above says how it goes; the levels behind it are there to check, and long.
  return (
    <details className="samspil-details samspil-gas-goals">
      <summary>{t('measures.gas.goalsSummary', { count: goals.length })}</summary>
      {goals.map((goal) => (
        <table key={goal.subGoalId} className="table table--compact samspil-measure-table">
          <caption>
            {t('measures.gas.goalCaption', { title: goal.title, weight: weightOf(goal.subGoalId) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('measures.column.date')}</th>
              <th scope="col">{t('measures.column.level')}</th>
              <th scope="col" className="samspil-numeric">
                {t('measures.column.weight')}
              </th>
              <th scope="col">{t('measures.column.scorer')}</th>
            </tr>
          </thead>
          <tbody>
            {goal.levels.map((level) => (
              <tr key={level.at}>
                <th scope="row">{formatDate(level.at.slice(0, 10), language)}</th>
                <td>{gasLabel(level.level)}</td>
                <td className="samspil-numeric">{level.weight}</td>
                <td>
                  {level.scorer ? t(`measures.scorer.${level.scorer}`) : t('measures.scorer.unknown')}
                  {level.recordedBy ? (
                    <>
                      <br />
                      <span className="samspil-small samspil-gas-recorder">
                        {t('measures.gas.recorder', level.recordedBy)}
                      </span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}
