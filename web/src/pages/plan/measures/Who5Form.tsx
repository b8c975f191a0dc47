import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WHO5_INSTRUMENT } from '../../../../../src/domain/measures/builtin-instruments.js';
import { scoreAnswers } from '../../../../../src/domain/measures/instrument.js';
import { useRecordMeasure } from '../../../api/measures.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { FormActions } from '../../../components/form/Fields.js';
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
  const answered = Object.keys(answers).length;
  const result = answered === WHO5_INSTRUMENT.items.length ? scoreAnswers(WHO5_INSTRUMENT, answers) : null;
  const score = result?.ok ? result.value : null;
  const bandLabel = WHO5_INSTRUMENT.bands.find((band) => band.code === score?.band)?.label[language];
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!score) return;
    record.mutate(
      { instrument: 'who-5', respondent, answers, context: { kind: 'follow-up' } },
      { onSuccess: onDone },
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
      <p>{t('measures.who5.instructions')}</p>
      {WHO5_INSTRUMENT.items.map((item) => (
        <fieldset className="form-group" key={item.linkId}>
          <legend className="form-label">{item.text[language]}</legend>
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
      {record.error ? <ErrorAlert error={record.error} /> : null}
      <FormActions
        submitLabel={t('measures.who5.save')}
        pending={record.isPending || !score}
        onCancel={onDone}
      />
      <p className="samspil-muted samspil-small">{WHO5_INSTRUMENT.licence}</p>
    </form>
  );
}
