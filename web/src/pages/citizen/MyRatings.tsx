import { lazy, type ReactElement, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinInstrument } from '../../../../src/domain/measures/builtin-instruments.js';
import type { Instrument } from '../../../../src/domain/measures/instrument.js';
import { type MeasureResponse, useCitizenMeasures, useRecordMeasure } from '../../api/measures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { FormActions } from '../../components/form/Fields.js';
import { Loading } from '../../components/Loading.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { useToggle } from '../../hooks/useToggle.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import '../../styles/measures.css';
import type { SubGoalView } from '../../domain.js';

/** Her own rating of a step, −2..+2 in words (src/domain/measures, `own-rating`). */
const OWN_RATING = builtinInstrument('own-rating') as Instrument;
const PROGRESS = OWN_RATING.items[0] as Instrument['items'][number];

// The chart and the WHO-5 form load only when shown: Mit forløb's first paint stays small.
const MeasureChart = lazy(() =>
  import('../plan/measures/MeasureChart.js').then((module) => ({ default: module.MeasureChart })),
);
const Who5Form = lazy(() =>
  import('../plan/measures/Who5Form.js').then((module) => ({ default: module.Who5Form })),
);

/** Her ratings of one step, oldest first. */
export function ratingsOf(responses: readonly MeasureResponse[], subGoalId: string): MeasureResponse[] {
  return responses
    .filter((response) => response.instrument.code === OWN_RATING.code && response.context.id === subGoalId)
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
}

function words(score: number | null, language: 'da' | 'en'): string {
  return PROGRESS.options.find((option) => option.score === score)?.display[language] ?? '–';
}

/** Under a step on Mit forløb: her latest rating of it, and a way to give a new one. */
export function OwnRating({
  citizenId,
  step,
  readOnly,
}: {
  citizenId: string;
  step: SubGoalView;
  readOnly: boolean;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const measures = useCitizenMeasures(citizenId);
  const record = useRecordMeasure(citizenId);
  const showSuccess = useShowSuccess();
  const editor = useToggle();
  const [choice, setChoice] = useState('');
  const [missing, setMissing] = useState(false);
  if (!measures.data) return null;
  const latest = ratingsOf(measures.data.responses, step.id).at(-1);
  const save = (): void => {
    if (!choice) {
      setMissing(true);
      return;
    }
    record.mutate(
      {
        instrument: OWN_RATING.code,
        respondent: 'citizen',
        answers: { [PROGRESS.linkId]: choice },
        context: { kind: 'sub-goal', id: step.id },
      },
      {
        onSuccess: () => {
          showSuccess(t('citizen.rating.saved'));
          setChoice('');
          editor.hide();
        },
      },
    );
  };
  return (
    <div className="samspil-own-rating">
      <p>
        {latest
          ? t('citizen.rating.latest', {
              words: words(latest.score, language),
              date: formatDate(latest.answeredAt.slice(0, 10), language),
            })
          : t('citizen.rating.none')}
      </p>
      {!readOnly && !editor.open ? <OpenFormButton toggle={editor} label={t('citizen.rating.open')} /> : null}
      {!readOnly && editor.open ? (
        <form
          noValidate
          aria-label={t('citizen.rating.formTitle', { step: step.title })}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {record.isError ? <ErrorAlert error={record.error} /> : null}
          <RadioGroup
            id={`${id}-progress`}
            legend={PROGRESS.text[language]}
            value={choice}
            onChange={(value) => {
              setChoice(value);
              setMissing(false);
            }}
            error={missing ? t('citizen.rating.choose') : undefined}
            choices={PROGRESS.options.map((option) => ({
              value: option.code,
              label: option.display[language],
            }))}
          />
          <FormActions
            submitLabel={t('citizen.rating.save')}
            pending={record.isPending}
            onCancel={editor.hide}
          />
        </form>
      ) : null}
    </div>
  );
}

/**
 * "Sådan har det gået": her well-being (WHO-5) and her own ratings of her steps over time, each
 * as a simple chart with the same figures in a table (issue 11, item 5).
 */
export function RatingsOverTime({
  citizenId,
  steps,
  context,
}: {
  citizenId: string;
  steps: readonly SubGoalView[];
  context: 'relative' | undefined;
}): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const measures = useCitizenMeasures(citizenId);
  const filling = useToggle();
  if (!measures.data) return null;
  const who5 = measures.data.responses
    .filter((response) => response.instrument.code === 'who-5' && response.score !== null)
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
  const rated = steps
    .map((step) => ({ step, ratings: ratingsOf(measures.data.responses, step.id) }))
    .filter(({ ratings }) => ratings.length > 0);
  const day = (iso: string) => formatDate(iso.slice(0, 10), language);
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-ratings-over-time">
      <h2 id={`${id}-heading`}>{t('citizen.ratings.heading', { context })}</h2>
      <h3 className="h4">{t('citizen.ratings.who5', { context })}</h3>
      {who5.length === 0 ? <p>{t('citizen.ratings.who5None', { context })}</p> : null}
      {who5.length > 0 ? (
        <figure className="samspil-measure-figure">
          <Suspense fallback={<Loading />}>
            <MeasureChart
              points={who5.map((response) => ({ at: response.answeredAt, value: response.score as number }))}
              min={0}
              max={100}
              label={t('citizen.ratings.who5Chart', { context })}
            />
          </Suspense>
          <table className="table table--compact samspil-measure-table">
            <caption className="sr-only">{t('citizen.ratings.who5Chart', { context })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.ratings.date')}</th>
                <th scope="col" className="samspil-numeric">
                  {t('citizen.ratings.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {who5.map((response) => (
                <tr key={response.id}>
                  <th scope="row">{day(response.answeredAt)}</th>
                  <td className="samspil-numeric">{response.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ) : null}
      {!context && !filling.open ? (
        <OpenFormButton toggle={filling} label={t('citizen.ratings.who5Open')} />
      ) : null}
      {!context && filling.open ? (
        <Suspense fallback={<Loading />}>
          <Who5Form citizenId={citizenId} respondent="citizen" onDone={filling.hide} />
        </Suspense>
      ) : null}

      <h3 className="h4">{t('citizen.ratings.steps', { context })}</h3>
      {rated.length === 0 ? <p>{t('citizen.ratings.stepsNone', { context })}</p> : null}
      {rated.map(({ step, ratings }) => (
        <figure key={step.id} className="samspil-measure-figure">
          <figcaption className="h5">{step.title}</figcaption>
          {ratings.length > 1 ? (
            <Suspense fallback={<Loading />}>
              <MeasureChart
                points={ratings.map((response) => ({ at: response.answeredAt, value: response.score ?? 0 }))}
                min={-2}
                max={2}
                label={t('citizen.ratings.stepChart', { step: step.title })}
              />
            </Suspense>
          ) : null}
          <table className="table table--compact samspil-measure-table">
            <caption className="sr-only">{t('citizen.ratings.stepChart', { step: step.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.ratings.date')}</th>
                <th scope="col">{t('citizen.ratings.how')}</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((response) => (
                <tr key={response.id}>
                  <th scope="row">{day(response.answeredAt)}</th>
                  <td>{words(response.score, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ))}
    </section>
  );
}
