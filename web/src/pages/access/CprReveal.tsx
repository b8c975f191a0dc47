import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepUpOf } from '../../api/step-up.js';
import { useCprReveal } from '../../api/break-glass.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonForm } from '../coordination/ReasonForm.js';
import { StepUpNotice } from './StepUpNotice.js';

/**
 * "Vis CPR-nummer": asks why, then shows the full number in the page only. It is held in
 * component state and gone when the person hides it or leaves the page.
 */
export function CprReveal({ citizenId, masked }: { citizenId: string; masked: string }): ReactElement {
  const { t } = useTranslation();
  const { state, reveal, retry, hide } = useCprReveal(citizenId);
  const stepUp = state.status === 'error' ? stepUpOf(state.error) : null;
  const [asking, setAsking] = useState(false);

  if (state.status === 'shown') {
    return (
      <span className="samspil-cpr-reveal">
        {t('plan.cpr')}: <span className="samspil-nowrap samspil-cpr-full">{state.cpr}</span>{' '}
        <button type="button" className="button button-tertiary samspil-inline-button" onClick={hide}>
          {t('cprReveal.hide')}
        </button>
      </span>
    );
  }
  // The number and its button stay in the line of plan facts; the reason form (a block) wraps
  // onto its own line below them.
  return (
    <>
      <span className="samspil-cpr-reveal">
        {t('plan.cpr')}: <span className="samspil-nowrap">{masked}</span>{' '}
        {asking ? null : (
          <button
            type="button"
            className="button button-tertiary samspil-inline-button"
            onClick={() => setAsking(true)}
          >
            {t('cprReveal.show')}
          </button>
        )}
      </span>
      {asking ? (
        <div className="samspil-cpr-reveal-form">
          <ReasonForm
            label={t('cprReveal.reason')}
            hint={t('cprReveal.hint')}
            submitLabel={t('cprReveal.submit')}
            required
            pending={state.status === 'pending'}
            maxLength={1000}
            onCancel={() => setAsking(false)}
            onSubmit={(reason) => {
              setAsking(false);
              reveal(reason);
            }}
          />
        </div>
      ) : null}
      {state.status === 'error' ? (
        <div className="samspil-cpr-reveal-form">
          {stepUp ? <StepUpNotice how={stepUp} onDone={retry} /> : <ErrorAlert error={state.error} />}
        </div>
      ) : null}
    </>
  );
}
