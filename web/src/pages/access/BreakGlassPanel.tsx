import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { stepUpOf } from '../../api/step-up.js';
import { useBreakGlass } from '../../api/useBreakGlass.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonForm } from '../coordination/ReasonForm.js';
import { StepUpNotice } from './StepUpNotice.js';

/**
 * Offered when a professional has no relationship to the citizen: "break the glass" — four
 * hours of access with a reason, logged and shown to the citizen and the leader.
 */
export function BreakGlassPanel({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  const breakGlass = useBreakGlass(citizenId);
  const stepUp = stepUpOf(breakGlass.error);
  const reason = breakGlass.variables;
  return (
    <section aria-labelledby="break-glass-heading" className="samspil-panel samspil-break-glass mt-7">
      <h2 id="break-glass-heading" className="h3">
        {t('breakGlass.heading')}
      </h2>
      <Alert variant="warning" heading={t('breakGlass.warningHeading')}>
        <p className="alert-text">{t('breakGlass.warning')}</p>
      </Alert>
      <ReasonForm
        label={t('breakGlass.reason')}
        hint={t('breakGlass.hint')}
        submitLabel={t('breakGlass.submit')}
        required
        focusOnOpen={false}
        maxLength={1000}
        pending={breakGlass.isPending}
        onSubmit={(reason) => breakGlass.mutate(reason.trim())}
      />
      {stepUp && reason ? (
        <StepUpNotice how={stepUp} onDone={() => breakGlass.mutate(reason)} />
      ) : breakGlass.error ? (
        <ErrorAlert error={breakGlass.error} />
      ) : null}
    </section>
  );
}
