import { type FormEvent, type ReactElement, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREAK_GLASS_REASONS, type BreakGlassReason, useBreakGlass } from '../../api/break-glass.js';
import { stepUpOf } from '../../api/step-up.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { StepUpNotice } from './StepUpNotice.js';

/** Letters and digits a break-the-glass explanation needs (the server checks the same). */
const MIN_EXPLANATION = 20;

/**
 * Offered when a professional has no relationship to the citizen (on the refused plan and from
 * the CPR search): "break the glass" — a few hours of read access with a reason from the list
 * and an explanation, logged, shown to the citizen and reviewed by someone else.
 */
export function BreakGlassPanel({
  citizenId,
  onOpened,
}: {
  citizenId: string;
  /** Called once access is open (e.g. to go to the plan). */
  onOpened?: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const breakGlass = useBreakGlass(citizenId);
  const stepUp = stepUpOf(breakGlass.error);
  const [reasonCode, setReasonCode] = useState<BreakGlassReason | ''>('');
  const [reason, setReason] = useState('');
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const signs = reason.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    const found: FieldErrors = {};
    if (reasonCode === '') found.reasonCode = t('breakGlass.chooseReason');
    if (signs < MIN_EXPLANATION) found.reason = t('breakGlass.explainMore', { count: MIN_EXPLANATION });
    if (fieldErrors.check(found) || reasonCode === '') return;
    breakGlass.mutate(
      { reasonCode, reason: reason.trim() },
      { onSuccess: () => onOpened?.(), onError: (error) => fieldErrors.fromServer(error) },
    );
  };

  /** After a refusal: the stronger login that retries the request, or the error itself. */
  const failure = (): ReactNode => {
    if (stepUp && breakGlass.variables) {
      return (
        <StepUpNotice
          how={stepUp}
          onDone={() =>
            breakGlass.variables && breakGlass.mutate(breakGlass.variables, { onSuccess: () => onOpened?.() })
          }
        />
      );
    }
    return breakGlass.error ? <ErrorAlert error={breakGlass.error} /> : null;
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-panel samspil-break-glass mt-7">
      <h2 id={`${id}-heading`} className="h3">
        {t('breakGlass.heading')}
      </h2>
      <Alert variant="warning" heading={t('breakGlass.warningHeading')}>
        <p className="alert-text">{t('breakGlass.warning')}</p>
      </Alert>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          errors={errors}
          attempt={fieldErrors.attempt}
          targets={{
            reasonCode: { id: `${id}-code-0`, label: t('breakGlass.reasonCode') },
            reason: { id: `${id}-text`, label: t('breakGlass.reason') },
          }}
        />
        <RadioGroup
          id={`${id}-code`}
          legend={t('breakGlass.reasonCode')}
          choices={BREAK_GLASS_REASONS.map((value) => ({ value, label: t(`breakGlass.reasons.${value}`) }))}
          value={reasonCode}
          error={errors.reasonCode}
          onChange={(value) => setReasonCode(BREAK_GLASS_REASONS.find((item) => item === value) ?? '')}
        />
        <TextField
          id={`${id}-text`}
          label={t('breakGlass.reason')}
          hint={t('breakGlass.hint', { count: MIN_EXPLANATION })}
          error={errors.reason}
          multiline
          required
          maxLength={1000}
          value={reason}
          onChange={setReason}
        />
        <FormActions submitLabel={t('breakGlass.submit')} pending={breakGlass.isPending} />
      </form>
      {failure()}
    </section>
  );
}
