import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import {
  type SurveyInvitation,
  useAnswerInvitation,
  useSurveyInvitation,
} from '../../api/survey-invitations.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import type { SummaryTarget } from '../../components/form/error-summary.js';
import { FormActions } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLocalise } from '../../i18n/useLanguage.js';

/**
 * The page an invitation link opens (/svar/:token), without a login: the respondent rates every
 * work group, their own included, on the seven questions, and sends it once. The answers are
 * anonymous: nothing joins them to the link, and the link cannot be used again.
 */
export function AnswerPage(): ReactElement {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('surveyAnswer.title'));
  const invitation = useSurveyInvitation(token);
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <>
        <h1>{t('surveyAnswer.thanks.heading')}</h1>
        <Alert variant="success" live heading={t('surveyAnswer.thanks.saved')}>
          {t('surveyAnswer.thanks.text')}
        </Alert>
      </>
    );
  }
  if (invitation.error && isApiError(invitation.error, 404)) {
    return (
      <>
        <h1>{t('surveyAnswer.title')}</h1>
        <Alert variant="warning" heading={t('surveyAnswer.unusable.heading')}>
          {t('surveyAnswer.unusable.text')}
        </Alert>
      </>
    );
  }
  return (
    <>
      <h1>{invitation.data?.title ?? t('surveyAnswer.title')}</h1>
      <QueryStatus query={invitation} />
      {invitation.data ? (
        <AnswerForm token={token} invitation={invitation.data} onSent={() => setSent(true)} />
      ) : null}
    </>
  );
}

const fieldOf = (groupIndex: number, key: string) => `answers.${groupIndex}.${key}`;

function AnswerForm({
  token,
  invitation,
  onSent,
}: {
  token: string;
  invitation: SurveyInvitation;
  onSent: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const localise = useLocalise();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answering = useAnswerInvitation(token);
  const fieldErrors = useFormErrors();
  const [unusable, setUnusable] = useState(false);
  const idOf = (field: string) => `svar-${field.replaceAll('.', '-')}`;
  const targets: Record<string, SummaryTarget> = {};
  invitation.groups.forEach((group, groupIndex) => {
    for (const question of invitation.questions)
      targets[fieldOf(groupIndex, question.key)] = {
        id: `${idOf(fieldOf(groupIndex, question.key))}-0`,
        label: `${group}: ${localise(question.label)}`,
      };
  });
  targets.answers = {
    id: `${idOf(fieldOf(0, invitation.questions[0]?.key ?? ''))}-0`,
    label: t('surveyAnswer.all'),
  };
  // A question answered since the last try no longer shows its error.
  const shownErrors = Object.fromEntries(
    Object.entries(fieldErrors.errors).filter(([field]) => !answers[field]),
  ) as FieldErrors;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    for (const field of Object.keys(targets))
      if (field !== 'answers' && !answers[field]) problems[field] = t('surveyAnswer.missing');
    if (fieldErrors.check(problems)) return;
    const body = {
      answers: invitation.groups.map((group, groupIndex) => ({
        group,
        ...Object.fromEntries(
          invitation.questions.map((question) => [
            question.key,
            Number(answers[fieldOf(groupIndex, question.key)]),
          ]),
        ),
      })),
    };
    answering.mutate(body, {
      onSuccess: onSent,
      onError: (error) => {
        if (isApiError(error, 404)) setUnusable(true);
        else fieldErrors.fromServer(error);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('surveyAnswer.formLabel')}>
      <p className="font-lead">{t('surveyAnswer.intro', { group: invitation.group })}</p>
      <p>{t('surveyAnswer.anonymous')}</p>
      <ErrorSummary errors={shownErrors} attempt={fieldErrors.attempt} targets={targets} />
      {invitation.groups.map((group, groupIndex) => {
        const headingId = `svar-gruppe-${groupIndex}`;
        return (
          <section key={group} aria-labelledby={headingId} className="mt-7">
            <h2 id={headingId}>
              {group === invitation.group
                ? t('surveyAnswer.ownGroup', { group })
                : t('surveyAnswer.aboutGroup', { group })}
            </h2>
            {invitation.questions.map((question) => {
              const field = fieldOf(groupIndex, question.key);
              return (
                <RadioGroup
                  key={question.key}
                  id={idOf(field)}
                  legend={localise(question.question)}
                  choices={question.options.map((option) => ({
                    value: String(option.code),
                    label: localise(option),
                  }))}
                  value={answers[field] ?? ''}
                  onChange={(value) => setAnswers((before) => ({ ...before, [field]: value }))}
                  error={shownErrors[field]}
                />
              );
            })}
          </section>
        );
      })}
      {unusable ? (
        <Alert variant="warning" live heading={t('surveyAnswer.unusable.heading')}>
          {t('surveyAnswer.unusable.text')}
        </Alert>
      ) : null}
      {answering.error && !unusable && !isApiError(answering.error, 400) ? (
        <ErrorAlert error={answering.error} />
      ) : null}
      <FormActions submitLabel={t('surveyAnswer.submit')} pending={answering.isPending} />
    </form>
  );
}
