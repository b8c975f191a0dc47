import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WHO5_INSTRUMENT } from '../../../../../src/domain/measures/builtin-instruments.js';
import { scoreAnswers } from '../../../../../src/domain/measures/instrument.js';
import { useRecordMeasure } from '../../../api/measures.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ErrorSummary } from '../../../components/form/ErrorSummary.js';
import { FormActions } from '../../../components/form/Fields.js';
import type { FieldErrors } from '../../../components/form/form-errors.js';
import { useFormErrors } from '../../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../../components/SuccessAlert.js';
import { useLanguage } from '../../../i18n/useLanguage.js';

/**
 * WHO-5 filled in on the plan, with the score shown live as the answers come: the same
 * evaluator the server scores with (src/domain/measures), so the two never disagree.
 */
export function Who5Form({
  citizenId,
  respondent,
  onDone,
}: {
  citizenId: string;
  respondent: 'citizen' | 'relative';
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const record = useRecordMeasure(citizenId);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();
  const answered = Object.keys(answers).length;
  const result = answered === WHO5_INSTRUMENT.items.length ? scoreAnswers(WHO5_INSTRUMENT, answers) : null;
  const score = result?.ok ? result.value : null;
  const bandLabel = WHO5_INSTRUMENT.bands.find((band) => band.code === score?.band)?.label[language];
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    for (const item of WHO5_INSTRUMENT.items) {
      if (!answers[item.linkId]) problems[item.linkId] = t('measures.who5.answerMissing');
    }
    if (fieldErrors.check(problems) || !score) return;
    record.mutate(
      { instrument: 'who-5', respondent, answers, context: { kind: 'follow-up' } },
      {
        onSuccess: () => {
          showSuccess(t('measures.who5.saved'));
          onDone();
        },
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };
  return (
    <form
      className="samspil-measure-form mt-4"
      onSubmit={submit}
      aria-labelledby="who5-form-heading"
      noValidate
    >
      <h3 className="h4" id="who5-form-heading">
        {WHO5_INSTRUMENT.title[language]}
      </h3>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={Object.fromEntries(
          WHO5_INSTRUMENT.items.map((item) => [
            item.linkId,
            { id: `who5-${item.linkId}-${item.options[0]?.code}`, label: item.text[language] },
          ]),
        )}
      />
      <p>{t('measures.who5.instructions')}</p>
      {WHO5_INSTRUMENT.items.map((item) => (
        <fieldset
          className={errors[item.linkId] ? 'form-group form-error' : 'form-group'}
          key={item.linkId}
          aria-describedby={errors[item.linkId] ? `who5-${item.linkId}-error` : undefined}
        >
          <legend className="form-label">{item.text[language]}</legend>
          {errors[item.linkId] ? (
            <span className="form-error-message" id={`who5-${item.linkId}-error`}>
              {errors[item.linkId]}
            </span>
          ) : null}
          {item.options.map((option) => {
            const id = `who5-${item.linkId}-${option.code}`;
            return (
              <div className="form-group-radio" key={option.code}>
                <input
                  type="radio"
                  className="form-radio"
                  id={id}
                  name={`who5-${item.linkId}`}
                  checked={answers[item.linkId] === option.code}
                  onChange={() => setAnswers({ ...answers, [item.linkId]: option.code })}
                />
                <label className="form-label" htmlFor={id}>
                  {option.display[language]}
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <p className="samspil-live-score" aria-live="polite">
        {score
          ? t('measures.who5.score', { score: score.score, raw: score.raw, band: bandLabel })
          : t('measures.who5.progress', { answered, total: WHO5_INSTRUMENT.items.length })}
      </p>
      {record.error && Object.keys(errors).length === 0 ? <ErrorAlert error={record.error} /> : null}
      <FormActions submitLabel={t('measures.who5.save')} pending={record.isPending} onCancel={onDone} />
      <p className="samspil-muted samspil-small">{WHO5_INSTRUMENT.licence}</p>
    </form>
  );
}
