import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportingObjection, useSetReportingObjection } from '../../api/reporting-objection.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

/**
 * The citizen's objection to her data in management figures (decision 0025): in Mit forløb she
 * sets it herself (a relative only with a power of attorney that covers consent); on the plan a
 * professional who works with her records it for her. It takes effect at once. An objection she
 * set herself is undone only by her: the professional's button is not offered (the server
 * refuses it too).
 */
export function ReportingObjectionSetting({
  citizenId,
  viewer,
  mayChange,
  context,
  owner,
  name,
}: {
  citizenId: string;
  viewer: 'citizen' | 'professional';
  /** False: the state is shown, with no button (a relative without consent, an emergency access). */
  mayChange: boolean;
  context?: 'relative' | undefined;
  owner?: string;
  name?: string;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const objection = useReportingObjection(citizenId);
  const set = useSetReportingObjection(citizenId);
  const data = objection.data;
  const pro = viewer === 'professional';
  const text = (key: string) =>
    t(pro ? `reportingObjection.professional.${key}` : `reportingObjection.${key}`, { context });
  const headingId = `reporting-objection-${viewer}`;
  const ownObjection = data?.objects === true && data.recordedBy?.kind === 'citizen';
  const canChange = mayChange && data !== undefined && !(pro && ownObjection);
  const by = (recordedBy: NonNullable<typeof data>['recordedBy']): string => {
    if (recordedBy?.kind === 'professional') return recordedBy.name ?? '';
    return pro
      ? t('reportingObjection.professional.byCitizen')
      : t('reportingObjection.byCitizen', { context });
  };
  const button = canChange ? (
    <button
      type="button"
      className={pro ? 'button button-tertiary' : 'button button-secondary'}
      disabled={set.isPending}
      onClick={() => set.mutate(!data.objects)}
    >
      {data.objects ? text('withdraw') : text('object')}
    </button>
  ) : null;
  const state = data ? (
    <>
      <strong>{data.objects ? text('out') : text('in')}</strong>
      {data.objects && data.since ? (
        <>
          {' '}
          {t('reportingObjection.since', {
            date: formatDateTime(data.since, language),
            by: by(data.recordedBy),
          })}
        </>
      ) : null}
    </>
  ) : null;
  const outcome = (
    <>
      {set.error ? <ErrorAlert error={set.error} /> : null}
      {set.isSuccess ? (
        <p className="samspil-history-note" role="status">
          {t('reportingObjection.done')}
        </p>
      ) : null}
    </>
  );
  if (pro) {
    // On the plan, one line inside the consents section (the plan page is tall); the intro's
    // explanation is the user guide's, and the line names who recorded an objection.
    return (
      <>
        <p className="samspil-small" data-testid="reporting-objection-state">
          <strong id={headingId}>{t('reportingObjection.professional.heading')}:</strong>{' '}
          {data ? (
            <>
              {data.objects ? text('out') : text('in')}
              {data.objects && data.since
                ? ` ${t('reportingObjection.since', { date: formatDateTime(data.since, language), by: by(data.recordedBy) })}`
                : null}{' '}
              {button}
            </>
          ) : null}
        </p>
        <QueryStatus query={objection} />
        {outcome}
      </>
    );
  }
  return (
    <section aria-labelledby={headingId} className="samspil-reporting-objection">
      <h2 id={headingId}>{t('reportingObjection.heading', { context, owner })}</h2>
      <p>{t('reportingObjection.intro', { context, name })}</p>
      <QueryStatus query={objection} />
      {data ? <p data-testid="reporting-objection-state">{state}</p> : null}
      {outcome}
      {button ? <p>{button}</p> : null}
    </section>
  );
}
