import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useMe } from '../../api/useMe.js';
import { usePlan } from '../../api/usePlan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import type { InterventionView, PlanOverview, SubGoalView } from '../../domain.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { GapSummary } from './GapSummary.js';
import { GoalSection } from './GoalSection.js';
import { InterventionsBySector } from './InterventionsBySector.js';
import { SubGoalList } from './SubGoalList.js';
import { TeamSection } from './TeamSection.js';

/** The citizen's one plan, read-only: goal, sub-goals, interventions by sector, the team, and its gaps. */
export function PlanPage(): ReactElement {
  const { citizenId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan(citizenId);
  const context = me.data?.kind === 'citizen' ? 'citizen' : undefined;
  const name = plan.data ? `${plan.data.plan.citizen.givenName} ${plan.data.plan.citizen.familyName}` : null;
  useDocumentTitle(name ? t('plan.title', { name, context }) : null);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error, 403)) return <ForbiddenPage />;
    // A malformed id (400) is, to a person, an address that leads nowhere.
    if (isApiError(plan.error, 404) || isApiError(plan.error, 400)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('errors.heading')}</h1>
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  return <PlanView plan={plan.data.plan} context={context} />;
}

function PlanView({ plan, context }: { plan: PlanOverview; context: 'citizen' | undefined }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = `${plan.citizen.givenName} ${plan.citizen.familyName}`;
  const interventionsById = useMemo(
    () =>
      new Map<string, InterventionView>(
        plan.sectors.flatMap((group) =>
          group.interventions.map((intervention) => [intervention.id, intervention]),
        ),
      ),
    [plan],
  );
  const subGoalsById = useMemo(
    () => new Map<string, SubGoalView>(plan.subGoals.map((subGoal) => [subGoal.id, subGoal])),
    [plan],
  );
  const withoutIntervention = useMemo(() => new Set(plan.gaps.subGoalsWithoutIntervention), [plan]);
  const withoutSubGoal = useMemo(() => new Set(plan.gaps.interventionsWithoutSubGoal), [plan]);

  return (
    <article className="samspil-plan">
      {context === undefined ? (
        <p className="samspil-back">
          <Link to="/borgere">{t('plan.backToCaseload')}</Link>
        </p>
      ) : null}
      <header className="samspil-plan-header">
        <h1>{t('plan.title', { name, context })}</h1>
        <p className="samspil-plan-meta">
          {context ? <span>{name}</span> : null}
          <span>
            {t('plan.cpr')}: <span className="samspil-nowrap">{plan.citizen.cprMasked}</span>
          </span>
          <span>{t('plan.updated', { date: formatDateTime(plan.updatedAt, language) })}</span>
        </p>
      </header>
      <GapSummary gaps={plan.gaps} context={context} />
      <GoalSection goal={plan.goal} missing={plan.gaps.missingGoal} context={context} />
      <SubGoalList
        subGoals={plan.subGoals}
        interventionsById={interventionsById}
        withoutIntervention={withoutIntervention}
      />
      <InterventionsBySector
        sectors={plan.sectors}
        subGoalsById={subGoalsById}
        withoutSubGoal={withoutSubGoal}
      />
      <TeamSection team={plan.team} missingCoordinator={plan.gaps.missingCoordinator} context={context} />
    </article>
  );
}
