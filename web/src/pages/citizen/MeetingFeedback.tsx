import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinInstrument } from '../../../../src/domain/measures/builtin-instruments.js';
import type { Instrument } from '../../../../src/domain/measures/instrument.js';
import type { Meeting } from '../../api/meetings.js';
import { useCitizenMeasures, useRecordMeasure } from '../../api/measures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/** Samspil's own four questions after a meeting (DOMAIN.md: was I heard, what matters, the way, overall). */
const SESSION_FEEDBACK = builtinInstrument('session-feedback') as Instrument;

/**
 * After her latest meeting: what was agreed, in the words of the meeting's summary, and her
 * answers to the four questions about it (issue 11, item 4), once. A relative reads the agreements.
 */
export function MeetingFeedback({
  citizenId,
  meeting,
  context,
}: {
  citizenId: string;
  meeting: Meeting;
  context: 'relative' | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const measures = useCitizenMeasures(citizenId);
  const answered = measures.data?.responses.some(
    (response) => response.instrument.code === SESSION_FEEDBACK.code && response.context.id === meeting.id,
  );
  const values = { context, when: formatDateTime(meeting.startsAt, language) };
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-feedback">
      <h2 id={`${id}-heading`}>{t('citizen.afterMeeting.heading', values)}</h2>
      <h3 className="h4">{t('citizen.afterMeeting.agreed', values)}</h3>
      <p className="samspil-meeting-summary">{meeting.summary ?? t('citizen.afterMeeting.noSummary')}</p>
      {!context && measures.data && answered ? <p>{t('citizen.afterMeeting.thanks')}</p> : null}
      {!context && measures.data && !answered ? (
        <FeedbackForm citizenId={citizenId} meeting={meeting} />
      ) : null}
    </section>
  );
}

function FeedbackForm({ citizenId, meeting }: { citizenId: string; meeting: Meeting }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const record = useRecordMeasure(citizenId);
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    for (const item of SESSION_FEEDBACK.items)
      if (!answers[item.linkId]) problems[item.linkId] = t('citizen.afterMeeting.answerMissing');
    if (fieldErrors.check(problems)) return;
    record.mutate(
      {
        instrument: SESSION_FEEDBACK.code,
        respondent: 'citizen',
        answers,
        context: { kind: 'meeting', id: meeting.id },
      },
      {
        onSuccess: () => showSuccess(t('citizen.afterMeeting.saved')),
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };
  return (
    <form className="samspil-feedback-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 className="h4" id={`${id}-title`}>
        {SESSION_FEEDBACK.title[language]}
      </h3>
      <ErrorSummary
        errors={fieldErrors.errors}
        attempt={fieldErrors.attempt}
        targets={Object.fromEntries(
          SESSION_FEEDBACK.items.map((item) => [
            item.linkId,
            { id: `${id}-${item.linkId}-0`, label: item.text[language] },
          ]),
        )}
      />
      {record.isError && Object.keys(fieldErrors.errors).length === 0 ? (
        <ErrorAlert error={record.error} />
      ) : null}
      {SESSION_FEEDBACK.items.map((item) => (
        <RadioGroup
          key={item.linkId}
          id={`${id}-${item.linkId}`}
          legend={item.text[language]}
          value={answers[item.linkId] ?? ''}
          onChange={(code) => setAnswers((current) => ({ ...current, [item.linkId]: code }))}
          error={fieldErrors.errors[item.linkId]}
          choices={item.options.map((option) => ({ value: option.code, label: option.display[language] }))}
        />
      ))}
      <FormActions submitLabel={t('citizen.afterMeeting.send')} pending={record.isPending} />
    </form>
  );
}
