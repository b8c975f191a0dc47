import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinInstrument } from '../../../../../src/domain/measures/builtin-instruments.js';
import { type Instrument, scoreAnswers } from '../../../../../src/domain/measures/instrument.js';
import { useRecordMeasure } from '../../../api/measures.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { RadioGroup } from '../../../components/form/Choices.js';
import { ErrorSummary } from '../../../components/form/ErrorSummary.js';
import { FormActions } from '../../../components/form/Fields.js';
import type { FieldErrors } from '../../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../../components/SuccessAlert.js';
import { useLanguage } from '../../../i18n/useLanguage.js';

const FUNCTION_LEVELS = builtinInstrument('function-levels') as Instrument;

/**
 * A professional's rating of the citizen's function level on each VUM 2.0 theme (0–4, or 9:
 * not relevant). What it sums up as it is filled in comes from the one evaluator the server
 * scores with (src/domain/measures): the themes it counts and the highest level among them.
 */
export function FunctionLevelsForm({
  citizenId,
  onDone,
}: {
  citizenId: string;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const record = useRecordMeasure(citizenId);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();
  const total = FUNCTION_LEVELS.items.length;
  const answered = FUNCTION_LEVELS.items.filter((item) => answers[item.linkId]).length;
  const result = answered === total ? scoreAnswers(FUNCTION_LEVELS, answers) : null;
  const counted = result?.ok ? result.value.items.filter((item) => item.score !== null) : [];
  const highest = counted.reduce<(typeof counted)[number] | null>(
    (top, item) => (top === null || (item.score ?? 0) > (top.score ?? 0) ? item : top),
    null,
  );
  const themeText = (linkId: string) =>
    FUNCTION_LEVELS.items.find((item) => item.linkId === linkId)?.text[language] ?? linkId;
  const liveText = (): string => {
    if (!result?.ok) return t('measures.functionLevels.progress', { answered, total });
    if (highest === null) return t('measures.functionLevels.noneRelevant');
    return t('measures.functionLevels.summary', {
      count: counted.length,
      notRelevant: total - counted.length,
      highest: highest.score,
      theme: themeText(highest.linkId),
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    for (const item of FUNCTION_LEVELS.items)
      if (!answers[item.linkId]) problems[item.linkId] = t('measures.functionLevels.answerMissing');
    if (fieldErrors.check(problems) || !result?.ok) return;
    record.mutate(
      {
        instrument: FUNCTION_LEVELS.code,
        respondent: 'professional',
        answers,
        context: { kind: 'follow-up' },
      },
      {
        onSuccess: () => {
          showSuccess(t('measures.functionLevels.saved'));
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
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h3 className="h4" id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {FUNCTION_LEVELS.title[language]}
      </h3>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={Object.fromEntries(
          FUNCTION_LEVELS.items.map((item) => [
            item.linkId,
            { id: `${id}-${item.linkId}-0`, label: item.text[language] },
          ]),
        )}
      />
      <p>{t('measures.functionLevels.instructions')}</p>
      {FUNCTION_LEVELS.items.map((item) => (
        <RadioGroup
          key={item.linkId}
          id={`${id}-${item.linkId}`}
          legend={item.text[language]}
          value={answers[item.linkId] ?? ''}
          onChange={(code) => setAnswers((current) => ({ ...current, [item.linkId]: code }))}
          error={errors[item.linkId]}
          choices={item.options.map((option) => ({
            value: option.code,
            label: `${option.code} ${option.display[language]}`,
          }))}
        />
      ))}
      <p className="samspil-live-score" aria-live="polite">
        {liveText()}
      </p>
      {record.error && Object.keys(errors).length === 0 ? <ErrorAlert error={record.error} /> : null}
      <FormActions
        submitLabel={t('measures.functionLevels.save')}
        pending={record.isPending}
        onCancel={onDone}
      />
      <p className="samspil-muted samspil-small">{FUNCTION_LEVELS.licence}</p>
    </form>
  );
}
