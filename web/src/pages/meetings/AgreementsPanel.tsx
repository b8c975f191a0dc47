import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings.js';
import { useWriteAgreements } from '../../api/network-meetings.js';
import type { VersionedPlan } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';

interface PanelProps {
  citizenId: string;
  meeting: Meeting;
  canAct: boolean;
  plan: VersionedPlan | null;
  meUnitId: string | null;
}

type Agreement = Meeting['agreements'][number];

/** Whether writing an agreement changes the plan directly or proposes it to the owning unit. */
function routeOf(agreement: Agreement, meUnitId: string | null): 'direct' | 'proposal' | 'confirmation' {
  if (!agreement.ownerUnit || agreement.ownerUnit.id === meUnitId) return 'direct';
  return agreement.kind === 'new_intervention' ? 'confirmation' : 'proposal';
}

/**
 * The meeting's agreements and one action that writes them all to the plan: it says first what
 * changes directly and what becomes a proposal to another unit, and after, what happened.
 */
export function AgreementsPanel({
  citizenId,
  meeting,
  canAct,
  plan,
  meUnitId,
}: PanelProps): ReactElement | null {
  const { t } = useTranslation();
  const id = useId();
  const write = useWriteAgreements(citizenId, meeting.id);
  const confirmSave = useConfirmSave();
  if (meeting.agreements.length === 0) return null;
  const written = meeting.agreementsWrittenAt !== null;
  const routes = meeting.agreements.map((agreement) => routeOf(agreement, meUnitId));
  const direct = routes.filter((route) => route === 'direct').length;
  const proposals = meeting.agreements.length - direct;
  const stateOf = (agreement: Agreement, index: number): string => {
    if (agreement.outcome === 'written') return t('networkMeeting.agreements.written');
    if (agreement.outcome === 'proposed')
      return t('networkMeeting.agreements.proposed', { unit: agreement.ownerUnit?.name ?? '' });
    const route = routes[index] ?? 'direct';
    return t(`networkMeeting.agreements.will.${route}`, { unit: agreement.ownerUnit?.name ?? '' });
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-panel">
      <h2 id={`${id}-heading`}>{t('networkMeeting.agreements.heading')}</h2>
      <ul>
        {meeting.agreements.map((agreement, index) => (
          <li key={agreement.id}>
            <strong>{agreement.text}</strong> – {stateOf(agreement, index)}
          </li>
        ))}
      </ul>
      {!written && meeting.status === 'held' && meeting.citizenPresent !== true ? (
        <p className="form-hint">{t('networkMeeting.agreements.citizenAbsent')}</p>
      ) : null}
      {canAct && !written && meeting.status === 'held' && meeting.citizenPresent === true ? (
        <>
          <p>{t('networkMeeting.agreements.preview', { direct, proposals })}</p>
          <p className="samspil-item-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={write.isPending || !plan}
              onClick={() =>
                confirmSave(
                  write.mutateAsync({ etag: plan?.etag ?? null }),
                  t('networkMeeting.agreements.done'),
                )
              }
            >
              {t('networkMeeting.agreements.write')}
            </button>
          </p>
        </>
      ) : null}
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </section>
  );
}
