import { type ReactElement, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Referral, type ReferralAction, useReferralAction } from '../../api/referrals.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import { ReasonForm } from '../coordination/ReasonForm.js';
import { needsReason, referralActions } from './referral-actions.js';
import { Fact } from '../coordination/Fact.js';

const STATUS_CLASS: Record<Referral['status'], string> = {
  requested: 'badge-info',
  accepted: 'badge-success',
  declined: 'badge-error',
  started: 'badge-success',
  completed: '',
  withdrawn: '',
};

interface ReferralCardProps {
  referral: Referral;
  myUnitId: string | null;
  /** On the referrals page each card links to the citizen's plan; on the plan it would point at itself. */
  linkToPlan: boolean;
}

/** One referral: from whom to whom, for which sub-goal, its status and answer date, and what I may do now. */
export function ReferralCard({ referral, myUnitId, linkToPlan }: ReferralCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [action, setAction] = useState<ReferralAction | null>(null);
  const confirmSave = useConfirmSave();
  // The action buttons come back when the form closes; keyboard users continue at the card's heading.
  const close = (): void => {
    setAction(null);
    window.requestAnimationFrame(() => heading.current?.focus());
  };
  const mutation = useReferralAction();
  const to = referral.to.unit?.name ?? referral.to.civilSociety ?? '';
  const title = t('referrals.cardTitle', { from: referral.from.unit.name, to });
  const headingId = `referral-${referral.id}`;
  const open = referral.status === 'requested';
  /** The citizen, linked to the plan where the reader may open it; hidden from a unit without access. */
  const citizenName = (): ReactNode => {
    if (!referral.citizen) return <span className="samspil-muted">{t('referrals.citizenHidden')}</span>;
    return linkToPlan ? (
      <Link to={planPath(referral.citizen.id)}>{referral.citizen.name}</Link>
    ) : (
      referral.citizen.name
    );
  };

  return (
    <li className={referral.overdue ? 'samspil-referral is-overdue' : 'samspil-referral'}>
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h3 id={headingId} className="h5" ref={heading} tabIndex={-1}>
            {title}
          </h3>
          <span className={`badge samspil-badge ${STATUS_CLASS[referral.status]}`.trim()}>
            {t(`referrals.status.${referral.status}`)}
          </span>
          {referral.overdue && open ? (
            <span className="badge samspil-badge badge-error">{t('referrals.overdue')}</span>
          ) : null}
        </div>
        <dl className="samspil-facts">
          <Fact label={t('referrals.citizen')}>{citizenName()}</Fact>
          {referral.subGoal ? <Fact label={t('referrals.subGoal')}>{referral.subGoal.title}</Fact> : null}
          <Fact label={t('referrals.reason')}>{referral.reason}</Fact>
          <Fact label={t('referrals.sentBy')}>
            {referral.from.professional.name}, {formatDateTime(referral.createdAt, language)}
          </Fact>
          <Fact label={t('referrals.answerDue')}>{formatDate(referral.answerDue, language)}</Fact>
          {referral.declineReason ? (
            <Fact label={t('referrals.declineReason')}>{referral.declineReason}</Fact>
          ) : null}
        </dl>
        {linkToPlan && referral.citizen ? (
          <p>
            <Link to={planPath(referral.citizen.id)}>
              {t('referrals.openPlanOf', { name: referral.citizen.name })}
            </Link>
          </p>
        ) : null}
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        {action === null ? (
          <div className="samspil-item-actions">
            {referralActions(referral, myUnitId).map((item) => (
              <button
                key={item}
                type="button"
                className={
                  item === 'accept' || item === 'start' || item === 'complete'
                    ? 'button button-secondary'
                    : 'button button-tertiary'
                }
                disabled={mutation.isPending}
                onClick={() => setAction(item)}
              >
                {t(`referrals.action.${item}`)}
                <span className="sr-only">: {title}</span>
              </button>
            ))}
          </div>
        ) : (
          <ReasonForm
            label={t(needsReason(action) ? 'referrals.form.reason' : 'referrals.form.comment')}
            submitLabel={t(`referrals.action.${action}`)}
            required={needsReason(action)}
            pending={mutation.isPending}
            onCancel={close}
            onSubmit={(text) =>
              confirmSave(
                mutation.mutateAsync({ referralId: referral.id, action, text }),
                t(`referrals.done.${action}`),
                close,
              )
            }
          />
        )}
      </article>
    </li>
  );
}
