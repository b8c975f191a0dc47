import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingPreparationSchema } from '../../../../src/domain/meetings/meeting.schemas.js';
import { type Meeting, usePrepareMeeting } from '../../api/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import { orNull, validate } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { useToggle } from '../../hooks/useToggle.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

const QUESTIONS = ['matters', 'works', 'talkAbout', 'inviteWishes'] as const;
type Question = (typeof QUESTIONS)[number];

/**
 * Before her next meeting: what matters to her, what works, what she wants to talk about and
 * whom she wants there (issue 11, item 4). Her answers go to those who hold the meeting. A
 * relative reads them and writes nothing.
 */
export function MeetingPreparation({
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
  const editor = useToggle();
  const preparation = meeting.preparation;
  const values = { context, when: formatDateTime(meeting.startsAt, language) };
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-preparation">
      <h2 id={`${id}-heading`}>{t('citizen.prepare.heading', values)}</h2>
      <p>{t('citizen.prepare.intro', values)}</p>
      {preparation ? (
        <dl className="samspil-preparation-answers">
          {QUESTIONS.filter((question) => preparation[question]).map((question) => (
            <div key={question}>
              <dt>{t(`citizen.prepare.question.${question}`, { context })}</dt>
              <dd>{preparation[question]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {!context && editor.open ? (
        <PreparationForm citizenId={citizenId} meeting={meeting} onDone={editor.hide} />
      ) : null}
      {!context && !editor.open ? (
        <OpenFormButton
          toggle={editor}
          label={preparation ? t('citizen.prepare.edit') : t('citizen.prepare.open')}
        />
      ) : null}
    </section>
  );
}

function PreparationForm({
  citizenId,
  meeting,
  onDone,
}: {
  citizenId: string;
  meeting: Meeting;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const prepare = usePrepareMeeting(citizenId, meeting.id);
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const [answers, setAnswers] = useState<Record<Question, string>>({
    matters: meeting.preparation?.matters ?? '',
    works: meeting.preparation?.works ?? '',
    talkAbout: meeting.preparation?.talkAbout ?? '',
    inviteWishes: meeting.preparation?.inviteWishes ?? '',
  });
  const targets = Object.fromEntries(
    QUESTIONS.map((question) => [
      question,
      { id: `${id}-${question}`, label: t(`citizen.prepare.question.${question}`) },
    ]),
  );
  const submit = (): void => {
    const result = validate(
      meetingPreparationSchema,
      Object.fromEntries(QUESTIONS.map((question) => [question, orNull(answers[question])])),
      t,
    );
    if (!result.ok) {
      fieldErrors.check(result.errors);
      return;
    }
    fieldErrors.check({});
    prepare.mutate(result.value, {
      onSuccess: () => {
        showSuccess(t('citizen.prepare.saved'));
        onDone();
      },
      onError: (error) => fieldErrors.fromServer(error),
    });
  };
  return (
    <form
      className="samspil-preparation-form"
      noValidate
      aria-label={t('citizen.prepare.formTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ErrorSummary errors={fieldErrors.errors} targets={targets} attempt={fieldErrors.attempt} />
      {prepare.isError && Object.keys(fieldErrors.errors).length === 0 ? (
        <ErrorAlert error={prepare.error} />
      ) : null}
      {QUESTIONS.map((question) => (
        <TextField
          key={question}
          id={`${id}-${question}`}
          label={t(`citizen.prepare.question.${question}`)}
          value={answers[question]}
          onChange={(value) => setAnswers((current) => ({ ...current, [question]: value }))}
          error={fieldErrors.errors[question]}
          multiline
          rows={2}
        />
      ))}
      <FormActions submitLabel={t('citizen.prepare.save')} pending={prepare.isPending} onCancel={onDone} />
    </form>
  );
}
