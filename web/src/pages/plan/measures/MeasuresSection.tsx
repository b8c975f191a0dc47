import '../../../styles/measures.css';
import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type CitizenMeasures, useCitizenMeasures } from '../../../api/measures.js';
import { useMe } from '../../../api/auth.js';
import { ExportCsvButton } from '../../../components/ExportCsvButton.js';
import { OpenFormButton } from '../../../components/form/OpenFormButton.js';
import { Loading } from '../../../components/Loading.js';
import { QueryStatus } from '../../../components/QueryStatus.js';
import { useToggle } from '../../../hooks/useToggle.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { formatScore } from '../../surveys/format-score.js';
import { usePlanContext } from '../PlanContext.js';
import { FunctionLevelsFigure } from './FunctionLevelsFigure.js';
import { GasGoals } from './GasGoals.js';
import { MeasureChart } from './MeasureChart.js';
import { answeredDay } from './measures-view.js';
import { SessionFeedbackFigure } from './SessionFeedbackFigure.js';
import { PlanSection } from '../sections/PlanSection.js';

export const measuresAnchor = 'plan-measures';

// The forms carry the instruments and their evaluator (src/domain/measures): loaded when opened.
const Who5Form = lazy(() => import('./Who5Form.js').then((module) => ({ default: module.Who5Form })));
const FunctionLevelsForm = lazy(() =>
  import('./FunctionLevelsForm.js').then((module) => ({ default: module.FunctionLevelsForm })),
);
const PaperImportForm = lazy(() =>
  import('./PaperImportForm.js').then((module) => ({ default: module.PaperImportForm })),
);
const GasFollowUpForm = lazy(() =>
  import('../edit/GasFollowUpForm.js').then((module) => ({ default: module.GasFollowUpForm })),
);

/**
 * The citizen's measures over time: the GAS T-score after each follow-up (50 = as expected),
 * WHO-5 well-being, function levels as a profile and the citizen's feedback after meetings,
 * each as a chart with the same figures in a table that can be downloaded as CSV.
 */
export function MeasuresSection(): ReactElement {
  const { t } = useTranslation();
  const { citizenId, canEdit, plan } = usePlanContext();
  const me = useMe();
  const measures = useCitizenMeasures(citizenId);
  const fillingWho5 = useToggle();
  const ratingLevels = useToggle();
  const followingUp = useToggle();
  const importing = useToggle();
  const hasActiveGoal = plan.subGoals.some((goal) => goal.status === 'active');
  const isCitizen = me.data?.kind === 'citizen';
  const respondent = me.data?.kind === 'citizen' && me.data.actingFor ? 'relative' : 'citizen';
  return (
    <PlanSection headingId="plan-measures-heading" id={measuresAnchor} title={t('measures.heading')}>
      <p>{t('measures.intro')}</p>
      <QueryStatus query={measures} />
      {measures.data ? (
        <div className="samspil-measure-charts">
          <GasFigure measures={measures.data} />
          <Who5Figure measures={measures.data} />
        </div>
      ) : null}
      {((canEdit || isCitizen) && !fillingWho5.open) ||
      (canEdit && hasActiveGoal && !followingUp.open) ||
      (canEdit && !importing.open) ? (
        <p className="samspil-item-actions">
          {canEdit && hasActiveGoal && !followingUp.open ? (
            <OpenFormButton toggle={followingUp} label={t('measures.followUp.open')} />
          ) : null}
          {(canEdit || isCitizen) && !fillingWho5.open ? (
            <OpenFormButton toggle={fillingWho5} label={t('measures.who5.open')} />
          ) : null}
          {/* Paper questionnaires are typed in by the professional, never the citizen. */}
          {canEdit && !importing.open ? (
            <OpenFormButton toggle={importing} label={t('measures.paper.open')} />
          ) : null}
        </p>
      ) : null}
      {importing.open ? (
        <Suspense fallback={<Loading />}>
          <PaperImportForm citizenId={citizenId} onDone={importing.hide} />
        </Suspense>
      ) : null}
      {followingUp.open ? (
        <Suspense fallback={<Loading />}>
          <GasFollowUpForm onDone={followingUp.hide} />
        </Suspense>
      ) : null}
      {fillingWho5.open ? (
        <Suspense fallback={<Loading />}>
          <Who5Form citizenId={citizenId} respondent={respondent} onDone={fillingWho5.hide} />
        </Suspense>
      ) : null}
      {/* Function levels and the answers after meetings side by side on a wide screen, like the charts above. */}
      <div className="samspil-measure-charts">
        <div>
          {measures.data ? <FunctionLevelsFigure responses={measures.data.responses} /> : null}
          {canEdit && !isCitizen && !ratingLevels.open ? (
            <p className="samspil-item-actions">
              <OpenFormButton toggle={ratingLevels} label={t('measures.functionLevels.open')} />
            </p>
          ) : null}
          {ratingLevels.open ? (
            <Suspense fallback={<Loading />}>
              <FunctionLevelsForm citizenId={citizenId} onDone={ratingLevels.hide} />
            </Suspense>
          ) : null}
        </div>
        {measures.data ? (
          <SessionFeedbackFigure citizenId={citizenId} responses={measures.data.responses} />
        ) : null}
      </div>
    </PlanSection>
  );
}

function GasFigure({ measures }: { measures: CitizenMeasures }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const points = measures.gas.points;
  const gas = points.map((point) => ({ at: point.at, value: point.tScore }));
  const columns = [
    t('measures.column.date'),
    t('measures.column.tScore'),
    t('measures.column.change'),
    t('measures.column.goals'),
  ];
  return (
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
              change: formatScore(points.at(-1)?.change ?? 0, language, true),
            })}
          </p>
          <table className="table table--compact samspil-measure-table">
            <caption className="sr-only">{t('measures.gas.chartLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col" className="samspil-numeric">
                  {columns[1]}
                </th>
                <th scope="col" className="samspil-numeric">
                  {columns[2]}
                </th>
                <th scope="col" className="samspil-numeric">
                  {columns[3]}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.at}>
                  <th scope="row">{formatDate(answeredDay(point.at), language)}</th>
                  <td className="samspil-numeric">{formatScore(point.tScore, language)}</td>
                  <td className="samspil-numeric">{formatScore(point.change, language, true)}</td>
                  <td className="samspil-numeric">{point.goals}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportCsvButton
            fileName="gas.csv"
            header={columns}
            rows={() =>
              points.map((point) => [answeredDay(point.at), point.tScore, point.change, point.goals])
            }
          />
          <GasGoals goals={measures.gas.goals} />
        </>
      ) : (
        <p>{t('measures.gas.none')}</p>
      )}
    </figure>
  );
}

function Who5Figure({ measures }: { measures: CitizenMeasures }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const who5 = measures.responses
    .filter((response) => response.instrument.code === 'who-5' && response.score !== null)
    .map((response) => ({
      id: response.id,
      at: response.answeredAt,
      value: response.score as number,
      band: response.band,
    }));
  const bandText = (band: string | null) => (band ? t(`measures.who5.band.${band}`) : '–');
  const columns = [t('measures.column.date'), t('measures.column.score'), t('measures.column.band')];
  return (
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
                <th scope="col">{columns[0]}</th>
                <th scope="col" className="samspil-numeric">
                  {columns[1]}
                </th>
                <th scope="col">{columns[2]}</th>
              </tr>
            </thead>
            <tbody>
              {who5.map((point) => (
                <tr key={point.id}>
                  <th scope="row">{formatDate(answeredDay(point.at), language)}</th>
                  <td className="samspil-numeric">{point.value}</td>
                  <td>{bandText(point.band)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ExportCsvButton
            fileName="who-5.csv"
            header={columns}
            rows={() => who5.map((point) => [answeredDay(point.at), point.value, bandText(point.band)])}
          />
        </>
      ) : (
        <p>{t('measures.who5.none')}</p>
      )}
    </figure>
  );
}
