import '../../../styles/plan.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../../api/auth.js';
import { isApiError } from '../../../api/client.js';
import { useFollowUps } from '../../../api/follow-ups.js';
import { usePlan } from '../../../api/plan.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { useDocumentTitle } from '../../../i18n/useDocumentTitle.js';
import { planPath } from '../../../routes.js';
import { ForbiddenPage } from '../../errors/ForbiddenPage.js';
import { NotFoundPage } from '../../errors/NotFoundPage.js';
import { anchors } from '../anchors.js';
import { PlanContext } from '../PlanContext.js';
import { FollowUpHistory } from './FollowUpHistory.js';
import { followedItem } from './followed-item.js';
import { RecordFollowUpForm } from './RecordFollowUpForm.js';

/**
 * The follow-up of one intervention or sub-goal, on a page of its own (the plan page keeps its
 * height): the follow-ups held so far and, for whoever may record one, the form.
 */
export function FollowUpPage(): ReactElement {
  const { citizenId = '', kind = '', itemId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan(citizenId);
  const followUps = useFollowUps(citizenId);
  const item = plan.data ? followedItem(plan.data.plan, kind, itemId) : null;
  useDocumentTitle(item ? t('followUps.title', { name: item.name }) : null);

  if (plan.isPending || me.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error, 403)) return <ForbiddenPage />;
    if (isApiError(plan.error, 404) || isApiError(plan.error, 400)) return <NotFoundPage />;
    return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  if (!item) return <NotFoundPage />;
  const professional = me.data?.kind === 'professional' ? me.data : null;
  const meUnitId = professional?.unit?.id ?? null;
  // The policy's rule, shown: an intervention's own unit records its follow-up; others propose.
  const mayRecord =
    professional !== null && item.active && (item.kind === 'sub_goal' || item.unitId === meUnitId);
  const back = `${planPath(citizenId)}#${
    item.kind === 'intervention' ? anchors.intervention(item.id) : anchors.subGoal(item.id)
  }`;
  return (
    <PlanContext.Provider
      value={{
        citizenId,
        plan: plan.data.plan,
        etag: plan.data.etag,
        canEdit: professional !== null,
        meId: me.data?.id ?? null,
        meUnitId,
      }}
    >
      <article className="samspil-plan samspil-follow-up-page">
        <p className="samspil-back">
          <Link to={back}>{t('followUps.back')}</Link>
        </p>
        <h1>{t('followUps.title', { name: item.name })}</h1>
        {mayRecord ? (
          <section aria-labelledby="follow-up-new">
            <h2 id="follow-up-new">{t('followUps.newHeading')}</h2>
            <RecordFollowUpForm item={item} onDone={() => void followUps.refetch()} />
          </section>
        ) : (
          <p>{item.active ? t('followUps.othersPropose') : t('followUps.ended')}</p>
        )}
        <section aria-labelledby="follow-up-history">
          <h2 id="follow-up-history">{t('followUps.historyHeading')}</h2>
          {followUps.isPending ? <Loading /> : null}
          {followUps.isError ? (
            <ErrorAlert error={followUps.error} onRetry={() => void followUps.refetch()} />
          ) : null}
          {followUps.data ? (
            <FollowUpHistory items={followUps.data.filter((f) => f.item.id === item.id)} />
          ) : null}
        </section>
      </article>
    </PlanContext.Provider>
  );
}
