import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type Proposal, useProposals, usePlanWrite } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useToggle } from '../../hooks/useToggle.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { EndForm } from './edit/LazyForms.js';
import { isRestricted } from './intervention-view.js';
import { usePlanContext } from './PlanContext.js';
import { PlanSection } from './sections/PlanSection.js';

export const proposalsAnchor = 'forslag';

/**
 * Pending proposals (forslag) to change the plan's interventions. The owning unit accepts (the
 * change is made, as its own) or declines with a reason; the others see that it awaits an answer.
 */
export function ProposalsSection(): ReactElement | null {
  const { t } = useTranslation();
  const { citizenId } = usePlanContext();
  const proposals = useProposals(citizenId);
  const pending = (proposals.data ?? []).filter((proposal) => proposal.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <PlanSection
      headingId={proposalsAnchor}
      className="samspil-proposals"
      title={t('ownership.proposals.heading')}
    >
      <ul className="samspil-referrals no-max-width">
        {pending.map((proposal) => (
          <ProposalItem key={proposal.id} proposal={proposal} />
        ))}
      </ul>
    </PlanSection>
  );
}

function ProposalItem({ proposal }: { proposal: Proposal }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { citizenId, plan, etag } = usePlanContext();
  const accept = usePlanWrite(citizenId);
  const decliner = useToggle();
  const intervention = plan.sectors
    .flatMap((group) => group.interventions)
    .find((item) => item.id === proposal.interventionId);
  const interventionName = (): string => {
    if (!intervention) return proposal.ownerUnit.name;
    if (isRestricted(intervention))
      return t('plan.interventions.restrictedName', { unit: intervention.unit.name });
    return intervention.type.name;
  };
  const name = interventionName();
  const headingId = `proposal-${proposal.id}`;
  /** The owner's answer: accept or decline (its form open), or for others that the owner decides. */
  const answer = (): ReactElement => {
    if (!proposal.canAnswer) {
      return (
        <p className="samspil-muted samspil-small">
          {t('ownership.proposals.awaitingOwner', { owner: proposal.ownerUnit.name })}
        </p>
      );
    }
    if (decliner.open) {
      return (
        <EndForm
          title={t('ownership.proposals.declineTitle')}
          path={`/proposals/${proposal.id}/decline`}
          submitLabel={t('ownership.proposals.decline')}
          theirs={() => []}
          onDone={decliner.hide}
        />
      );
    }
    return (
      <div className="samspil-item-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={accept.isPending}
          aria-label={`${t('ownership.proposals.accept')}: ${name}`}
          onClick={() =>
            accept.mutate({ method: 'POST', path: `/proposals/${proposal.id}/accept`, body: {}, etag })
          }
        >
          {t('ownership.proposals.accept')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          ref={decliner.trigger}
          aria-label={`${t('ownership.proposals.decline')}: ${name}`}
          onClick={decliner.show}
        >
          {t('ownership.proposals.decline')}
        </button>
      </div>
    );
  };
  const value = (field: string, raw: unknown): string => {
    if (field === 'status' && typeof raw === 'string') return t(`plan.interventionStatus.${raw}`);
    if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(raw, language);
    if (raw === null || raw === '') return '—';
    return typeof raw === 'object' ? '…' : String(raw);
  };
  return (
    <li className="samspil-referral">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="samspil-referral-heading">
          <a href={`#${anchors.intervention(proposal.interventionId)}`}>{name}</a>
        </h3>
        <p className="samspil-small">
          {t('ownership.proposals.from', {
            name: proposal.proposedBy.name,
            unit: proposal.proposedBy.unit.name,
            when: formatDateTime(proposal.createdAt, language),
          })}
        </p>
        {proposal.detailsHidden ? (
          <p className="samspil-muted samspil-small">{t('ownership.proposals.hidden')}</p>
        ) : (
          <dl className="samspil-facts">
            {Object.entries(proposal.change ?? {}).map(([field, raw]) => (
              <div key={field}>
                <dt>{t(`plan.history.field.${field}`, { defaultValue: field })}</dt>
                <dd>{value(field, raw)}</dd>
              </div>
            ))}
            {proposal.comment ? (
              <div className="samspil-facts-wide">
                <dt>{t('ownership.comment')}</dt>
                <dd>{proposal.comment}</dd>
              </div>
            ) : null}
          </dl>
        )}
        {answer()}
        {accept.isError ? <ErrorAlert error={accept.error} /> : null}
      </article>
    </li>
  );
}
