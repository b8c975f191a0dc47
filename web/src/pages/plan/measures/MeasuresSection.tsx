import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCitizenMeasures } from '../../../api/measures.js';
import { useMe } from '../../../api/useMe.js';
import { OpenFormButton } from '../../../components/form/OpenFormButton.js';
import { Loading } from '../../../components/Loading.js';
import { QueryStatus } from '../../../components/QueryStatus.js';
import { useToggle } from '../../../hooks/useToggle.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { formatScore } from '../../surveys/format-score.js';
import { usePlanContext } from '../PlanContext.js';
import { GasGoals } from './GasGoals.js';
import { MeasureChart } from './MeasureChart.js';
import '../../../styles/measures.css';
import { PlanSection } from '../sections/PlanSection.js';

export const measuresAnchor = 'plan-measures';

// The form carries the instrument and its evaluator (src/domain/measures): loaded when opened.
const Who5Form = lazy(() => import('./Who5Form.js').then((module) => ({ default: module.Who5Form })));
const GasFollowUpForm = lazy(() =>
  import('../edit/GasFollowUpForm.js').then((module) => ({ default: module.GasFollowUpForm })),
);

/**
 * The citizen's measures over time: the GAS T-score after each follow-up (50 = as expected) and
 * WHO-5 well-being, each as a chart with the same figures in a table.
 */
export function MeasuresSection(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { citizenId, canEdit, plan } = usePlanContext();
  const me = useMe();
  const measures = useCitizenMeasures(citizenId);
  const filling = useToggle();
  const followingUp = useToggle();
  const hasActiveGoal = plan.subGoals.some((goal) => goal.status === 'active');
  const isCitizen = me.data?.kind === 'citizen';
  const respondent = me.data?.kind === 'citizen' && me.data.actingFor ? 'relative' : 'citizen';
  const gas = measures.data?.gas.points.map((point) => ({ at: point.at, value: point.tScore })) ?? [];
  const who5 =
    measures.data?.responses
      .filter((response) => response.instrument.code === 'who-5' && response.score !== null)
      .map((response) => ({
        id: response.id,
        at: response.answeredAt,
        value: response.score as number,
        band: response.band,
      })) ?? [];
  const day = (iso: string) => formatDate(iso.slice(0, 10), language);
  return (
    <PlanSection headingId="plan-measures-heading" id={measuresAnchor} title={t('measures.heading')}>
      <p>{t('measures.intro')}</p>
      <QueryStatus query={measures} />
      {measures.data ? (
        <div className="samspil-measure-charts">
          <figure className="samspil-measure-figure">
            <figcaption>
              <h3 className="h4">{t('measures.gas.heading')}</h3>
            </figcaption>
            {gas.length > 0 ? (
              <>
                <MeasureChart points={gas} min={20} max={80} label={t('measures.gas.chartLabel')} />
                <p>
                  {t('measures.gas.baselineNow', {
                    baseline: formatScore(gas[0]?.value ?? 50, language),
                    now: formatScore(gas.at(-1)?.value ?? 50, language),
                  })}{' '}
                  {t('measures.gas.change', {
                    change: formatScore(measures.data.gas.points.at(-1)?.change ?? 0, language, true),
                  })}
                </p>
                <table className="table table--compact samspil-measure-table">
                  <caption className="sr-only">{t('measures.gas.chartLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('measures.column.date')}</th>
                      <th scope="col" className="samspil-numeric">
                        {t('measures.column.tScore')}
                      </th>
                      <th scope="col" className="samspil-numeric">
                        {t('measures.column.change')}
                      </th>
                      <th scope="col" className="samspil-numeric">
                        {t('measures.column.goals')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {measures.data.gas.points.map((point) => (
                      <tr key={point.at}>
                        <th scope="row">{day(point.at)}</th>
                        <td className="samspil-numeric">{formatScore(point.tScore, language)}</td>
                        <td className="samspil-numeric">{formatScore(point.change, language, true)}</td>
                        <td className="samspil-numeric">{point.goals}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <GasGoals goals={measures.data.gas.goals} />
              </>
            ) : (
              <p>{t('measures.gas.none')}</p>
            )}
          </figure>
          <figure className="samspil-measure-figure">
            <figcaption>
              <h3 className="h4">{t('measures.who5.heading')}</h3>
            </figcaption>
            {who5.length > 0 ? (
              <>
                <MeasureChart points={who5} min={0} max={100} label={t('measures.who5.chartLabel')} />
                <table className="table table--compact samspil-measure-table">
                  <caption className="sr-only">{t('measures.who5.chartLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('measures.column.date')}</th>
                      <th scope="col" className="samspil-numeric">
                        {t('measures.column.score')}
                      </th>
                      <th scope="col">{t('measures.column.band')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {who5.map((point) => (
                      <tr key={point.id}>
                        <th scope="row">{day(point.at)}</th>
                        <td className="samspil-numeric">{point.value}</td>
                        <td>{point.band ? t(`measures.who5.band.${point.band}`) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p>{t('measures.who5.none')}</p>
            )}
          </figure>
        </div>
      ) : null}
      {((canEdit || isCitizen) && !filling.open) || (canEdit && hasActiveGoal && !followingUp.open) ? (
        <p className="samspil-item-actions">
          {canEdit && hasActiveGoal && !followingUp.open ? (
            <OpenFormButton toggle={followingUp} label={t('measures.followUp.open')} />
          ) : null}
          {(canEdit || isCitizen) && !filling.open ? (
            <OpenFormButton toggle={filling} label={t('measures.who5.open')} />
          ) : null}
        </p>
      ) : null}
      {followingUp.open ? (
        <Suspense fallback={<Loading />}>
          <GasFollowUpForm onDone={followingUp.hide} />
        </Suspense>
      ) : null}
      {filling.open ? (
        <Suspense fallback={<Loading />}>
          <Who5Form citizenId={citizenId} respondent={respondent} onDone={filling.hide} />
        </Suspense>
      ) : null}
    </PlanSection>
  );
}
