import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type PresentedIntervention, usePlanWrite } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useToggle } from '../../hooks/useToggle.js';
import { ProposalForm } from './edit/LazyForms.js';
import { usePlanContext } from './PlanContext.js';

/** "Ejes af <unit>", and whether the owning unit has yet to confirm it. */
export function OwnershipLine({ intervention }: { intervention: PresentedIntervention }): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="samspil-ownership samspil-small">
      <span>{t('ownership.ownedBy', { unit: intervention.unit.name })}</span>
      {intervention.awaitingConfirmation ? (
        <span className="badge badge-warning samspil-badge">{t('ownership.awaiting')}</span>
      ) : null}
    </p>
  );
}

/**
 * Who holds a sub-goal: the plan's shared part belongs to the citizen's team, held together by
 * the coordinator, not to one unit.
 */
export function SubGoalOwnership(): ReactElement {
  const { t } = useTranslation();
  const { plan } = usePlanContext();
  const coordinator = plan.team.find((member) => member.isCoordinator);
  return (
    <p className="samspil-ownership samspil-small">
      {coordinator
        ? t('ownership.subGoalWithCoordinator', { name: coordinator.name })
        : t('ownership.subGoal')}
    </p>
  );
}

/**
 * What a professional may do about an intervention beyond reading it: the owning unit confirms
 * one recorded for it; everyone else proposes a change, which goes to the owning unit.
 */
export function OwnershipActions({
  intervention,
  itemName,
}: {
  intervention: PresentedIntervention;
  itemName: string;
}): ReactElement | null {
  const { t } = useTranslation();
  const { citizenId, canEdit, meUnitId, etag } = usePlanContext();
  const proposer = useToggle();
  const confirm = usePlanWrite(citizenId);
  if (!canEdit || intervention.status === 'ended') return null;
  const owner = meUnitId !== null && meUnitId === intervention.unit.id;
  if (owner) {
    if (!intervention.awaitingConfirmation) return null;
    return (
      <div>
        <p className="samspil-small">{t('ownership.awaitingText', { unit: intervention.unit.name })}</p>
        <button
          type="button"
          className="button button-secondary"
          disabled={confirm.isPending}
          aria-label={`${t('ownership.confirm')}: ${itemName}`}
          onClick={() =>
            confirm.mutate({
              method: 'POST',
              path: `/interventions/${intervention.id}/confirm`,
              body: {},
              etag,
            })
          }
        >
          {t('ownership.confirm')}
        </button>
        {confirm.isError ? <ErrorAlert error={confirm.error} /> : null}
      </div>
    );
  }
  return proposer.open ? (
    <ProposalForm
      interventionId={intervention.id}
      ownerName={intervention.unit.name}
      onDone={proposer.hide}
    />
  ) : (
    <div className="samspil-item-actions">
      <button
        type="button"
        className="button button-tertiary"
        ref={proposer.trigger}
        onClick={proposer.show}
        aria-label={`${t('ownership.propose')}: ${itemName}`}
      >
        {t('ownership.propose')}
      </button>
    </div>
  );
}
