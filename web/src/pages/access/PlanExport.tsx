import { type ReactElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlanExport } from '../../api/plan.js';
import { stepUpOf } from '../../api/step-up.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonForm } from '../coordination/ReasonForm.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { StepUpNotice } from './StepUpNotice.js';

/**
 * "Hent en kopi": the citizen (or their relative) downloads a copy of their data — the plan,
 * consents and who has looked (GDPR art. 15); a professional downloads the plan as they may see
 * it. Every export is logged. A professional may ask for the full CPR number in it, with a reason.
 */
export function PlanExport({
  citizenId,
  audience,
}: {
  citizenId: string;
  audience: 'citizen' | 'professional';
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const exporter = usePlanExport(citizenId);
  const [askingCpr, setAskingCpr] = useState(false);
  const stepUp = stepUpOf(exporter.error);
  const last = exporter.variables;
  const context = audience === 'citizen' ? 'citizen' : undefined;
  /** After a refusal: the stronger login that retries the export, or the error itself. */
  const failure = (): ReactNode => {
    if (stepUp && last) return <StepUpNotice how={stepUp} onDone={() => exporter.mutate(last)} />;
    return exporter.error ? <ErrorAlert error={exporter.error} /> : null;
  };
  return (
    <section aria-labelledby="plan-export-heading" className="samspil-panel mt-5">
      <h2 id="plan-export-heading" className="h3">
        {t('planExport.heading', { context })}
      </h2>
      <p>{t('planExport.intro', { context })}</p>
      <div className="samspil-inline-list">
        <button
          type="button"
          className="button button-secondary"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate({ includeCpr: false })}
        >
          {exporter.isPending && !last?.includeCpr
            ? t('planExport.pending')
            : t('planExport.button', { context })}
        </button>{' '}
        {audience === 'professional' && !askingCpr ? (
          <button
            type="button"
            className="button button-tertiary"
            disabled={exporter.isPending}
            onClick={() => setAskingCpr(true)}
          >
            {t('planExport.withCpr')}
          </button>
        ) : null}
      </div>
      <p className="samspil-small">
        {t('planExport.pdfIntro')}{' '}
        {/* The readable PDF of the same export, made on the server and audited as an export. */}
        <a href={`/api/citizens/${encodeURIComponent(citizenId)}/export.pdf?lang=${language}`} download>
          {t('planExport.pdf')}
        </a>
      </p>
      {askingCpr ? (
        <ReasonForm
          label={t('planExport.reason')}
          hint={t('planExport.reasonHint')}
          submitLabel={t('planExport.submitWithCpr')}
          required
          pending={exporter.isPending}
          maxLength={1000}
          onCancel={() => setAskingCpr(false)}
          onSubmit={(reason) => {
            setAskingCpr(false);
            exporter.mutate({ includeCpr: true, reason: reason.trim() });
          }}
        />
      ) : null}
      <div aria-live="polite">
        {exporter.isSuccess ? (
          <Alert variant="success">
            <p className="alert-text">{t('planExport.done', { filename: exporter.data })}</p>
          </Alert>
        ) : null}
      </div>
      {failure()}
    </section>
  );
}
