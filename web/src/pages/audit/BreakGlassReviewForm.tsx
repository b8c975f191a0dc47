import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BREAK_GLASS_OUTCOMES,
  type BreakGlassOutcome,
  useBreakGlassDetail,
  useReviewBreakGlass,
} from '../../api/break-glass.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { Fact } from '../coordination/Fact.js';

const KNOWN_ACTIONS = new Set(['read', 'break-glass', 'search', 'reveal', 'export']);
const KNOWN_WHAT = new Set([
  'plan',
  'plan_history',
  'flags',
  'referrals',
  'meetings',
  'consent',
  'cpr',
  'break_glass',
  'citizen',
]);

/**
 * The review of one break-the-glass access: what the situation was, what was read and done
 * under it (from the audit trail), and the reviewer's judgement with a comment.
 */
export function BreakGlassReviewForm({
  breakGlassId,
  onDone,
}: {
  breakGlassId: string;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const detail = useBreakGlassDetail(breakGlassId);
  const review = useReviewBreakGlass();
  const [outcome, setOutcome] = useState<BreakGlassOutcome | ''>('');
  const [comment, setComment] = useState('');
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (outcome === '') problems.outcome = t('breakGlassReview.form.outcomeMissing');
    if (comment.trim().length < 5) problems.comment = t('breakGlassReview.form.commentMissing');
    if (fieldErrors.check(problems) || outcome === '') return;
    review.mutate(
      { breakGlassId, outcome, comment: comment.trim() },
      {
        onSuccess: () => {
          showSuccess(t('breakGlassReview.form.saved'));
          onDone();
        },
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };

  const glass = detail.data;
  return (
    <section className="samspil-edit-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="h3 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {glass
          ? t('breakGlassReview.form.heading', { who: glass.professional.name, citizen: glass.citizen.name })
          : t('breakGlassReview.review')}
      </h2>
      <QueryStatus query={detail} />
      {glass ? (
        <>
          <dl className="samspil-facts">
            <Fact label={t('breakGlassReview.form.reasonCode')}>
              {t(`breakGlass.reasons.${glass.reasonCode}`)}: {glass.reason}
            </Fact>
            <Fact label={t('breakGlassReview.form.expires')}>
              {formatDateTime(glass.expiresAt, language)}
            </Fact>
          </dl>
          <h3 className="h5">{t('breakGlassReview.form.activity')}</h3>
          {glass.activity.length === 0 ? <p>{t('breakGlassReview.form.noActivity')}</p> : null}
          <ul>
            {glass.activity.map((entry) => (
              <li key={`${entry.at}-${entry.action}-${entry.what}`}>
                {formatDateTime(entry.at, language)}:{' '}
                {KNOWN_ACTIONS.has(entry.action)
                  ? t(`breakGlassReview.action.${entry.action}`)
                  : t('breakGlassReview.action.other', { action: entry.action })}{' '}
                {t(`breakGlassReview.what.${KNOWN_WHAT.has(entry.what) ? entry.what : 'other'}`)}
              </li>
            ))}
          </ul>
          <form onSubmit={submit} noValidate>
            <ErrorSummary
              errors={errors}
              attempt={fieldErrors.attempt}
              targets={{
                outcome: { id: `${id}-outcome-0`, label: t('breakGlassReview.form.outcome') },
                comment: { id: `${id}-comment`, label: t('breakGlassReview.form.comment') },
              }}
            />
            <RadioGroup
              id={`${id}-outcome`}
              legend={t('breakGlassReview.form.outcome')}
              choices={BREAK_GLASS_OUTCOMES.map((value) => ({
                value,
                label: t(`breakGlassReview.outcome.${value}`),
              }))}
              value={outcome}
              error={errors.outcome}
              onChange={(value) => setOutcome(BREAK_GLASS_OUTCOMES.find((item) => item === value) ?? '')}
            />
            <TextField
              id={`${id}-comment`}
              label={t('breakGlassReview.form.comment')}
              hint={t('breakGlassReview.form.commentHint')}
              multiline
              required
              maxLength={2000}
              error={errors.comment}
              value={comment}
              onChange={setComment}
            />
            {review.error && Object.keys(errors).length === 0 ? <ErrorAlert error={review.error} /> : null}
            <FormActions
              submitLabel={t('breakGlassReview.form.submit')}
              pending={review.isPending}
              onCancel={onDone}
            />
          </form>
        </>
      ) : null}
    </section>
  );
}
