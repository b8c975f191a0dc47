import '../../styles/plan.css';
import { type PresentedIntervention, type VersionedPlan, usePlan, usePlanHistory } from '../../api/plan.js';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useMe } from '../../api/auth.js';
import { AfterFirstPaint } from '../../components/AfterFirstPaint.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { type SubGoalView, nextFollowUp } from '../../domain.js';
import { formatDateTime, formatDate } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { BreakGlassBanner } from '../access/BreakGlassBanner.js';
import { BreakGlassPanel } from '../access/BreakGlassPanel.js';
import { CprReveal } from '../access/CprReveal.js';
import { PlanConsents } from '../access/PlanConsents.js';
import { PlanExport } from '../access/PlanExport.js';
import { PlanCoordination } from '../coordination/PlanCoordination.js';
import { coordinationAnchor } from '../coordination/flag-text.js';
import { ForbiddenPage } from '../errors/ForbiddenPage.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { anchors } from './anchors.js';
import { GapSummary } from './GapSummary.js';
import { DecisionsSection } from './DecisionsSection.js';
import { GoalSection } from './GoalSection.js';
import { gasTraces } from './gas-trace.js';
import { HistorySection } from './HistorySection.js';
import { InterventionsBySector } from './InterventionsBySector.js';
import { MeetingsSection, meetingsAnchor } from './MeetingsSection.js';
import { MeasuresSection } from './measures/MeasuresSection.js';
import { OrganisationSection } from './OrganisationSection.js';
import { PathwaysSection } from './PathwaysSection.js';
import { ProposalsSection } from './ProposalsSection.js';
import { PlanContext, type PlanContextValue } from './PlanContext.js';
import { PyramidSection } from './PyramidSection.js';
import { SubGoalList } from './SubGoalList.js';
import { NextStepsSection, nextStepsAnchor } from './NextStepsSection.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { OverdueTag } from './OverdueTag.js';
import { Timeline } from './Timeline.js';
import { PlanActions } from './PlanActions.js';
import { useRevealOnLink } from './sections/useRevealOnLink.js';
import { usePrintOpensDetails } from './sections/usePrintOpensDetails.js';

/** The citizen's one plan: goal, sub-goals, timeline, interventions by sector, organisation, pyramid, history. */
export function PlanPage(): ReactElement {
  const { citizenId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan(citizenId);
  const context = me.data?.kind === 'citizen' ? 'citizen' : undefined;
  const name = plan.data ? `${plan.data.plan.citizen.givenName} ${plan.data.plan.citizen.familyName}` : null;
  // A relative with a power of attorney reads someone else's plan: named, not "my plan".
  const title = me.data?.actingFor ? t('plan.titleActingFor', { name }) : t('plan.title', { name, context });
  useDocumentTitle(name ? title : null);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error, 403)) {
      return (
        <>
          <ForbiddenPage />
          {me.data?.kind === 'professional' ? <BreakGlassPanel citizenId={citizenId} /> : null}
        </>
      );
    }
    // A malformed id (400) is, to a person, an address that leads nowhere.
    if (isApiError(plan.error, 404) || isApiError(plan.error, 400)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('errors.heading')}</h1>
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  return (
    <PlanView
      citizenId={citizenId}
      versioned={plan.data}
      context={context}
      canEdit={me.data?.kind === 'professional'}
      isTeamLeader={me.data?.kind === 'professional' && me.data.role === 'team_leader'}
      meId={me.data?.id ?? null}
      meUnitId={me.data?.kind === 'professional' ? (me.data.unit?.id ?? null) : null}
      title={title}
    />
  );
}

interface PlanViewProps {
  citizenId: string;
  /** The page's heading: whose plan, as the viewer should read it. */
  title: string;
  versioned: VersionedPlan;
  context: 'citizen' | undefined;
  canEdit: boolean;
  /** A team leader may record a legal basis instead of consent. */
  isTeamLeader: boolean;
  meId: string | null;
  meUnitId: string | null;
}

function PlanView({
  citizenId,
  versioned,
  context,
  canEdit,
  isTeamLeader,
  meId,
  meUnitId,
  title,
}: PlanViewProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { plan, etag } = versioned;
  const history = usePlanHistory(citizenId);
  const name = `${plan.citizen.givenName} ${plan.citizen.familyName}`;
  const interventionsById = useMemo(
    () =>
      new Map<string, PresentedIntervention>(
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
  const traces = useMemo(() => gasTraces(history.data?.items ?? []), [history.data]);
  useRevealOnLink(true);
  usePrintOpensDetails();
  const contextValue = useMemo<PlanContextValue>(
    () => ({ citizenId, plan, etag, canEdit, meId, meUnitId }),
    [citizenId, plan, etag, canEdit, meId, meUnitId],
  );
  // Overdue first (overdue.ts): "next" is never a future date while an earlier one is undone.
  const next = nextFollowUp(plan, danishToday());
  const contents = [
    ...(canEdit ? [{ href: nextStepsAnchor, label: t('plan.nextSteps.heading') }] : []),
    { href: anchors.goal, label: t('plan.goal.heading', { context }) },
    { href: anchors.subGoals, label: t('plan.subGoals.heading') },
    { href: coordinationAnchor, label: t('coordination.heading') },
    { href: meetingsAnchor, label: t('meetings.heading', { context }) },
    { href: anchors.timeline, label: t('plan.timeline.heading') },
    { href: anchors.interventions, label: t('plan.interventions.heading') },
    { href: anchors.team, label: t('plan.team.heading', { context }) },
    { href: anchors.pathways, label: t('plan.pathways.heading') },
    { href: anchors.pyramid, label: t('plan.pyramid.heading') },
    { href: anchors.history, label: t('plan.history.heading') },
  ];

  const updatedText = (): string => {
    // Say what the history says: a date from the import is not a change made here.
    if (history.data && history.data.items.length === 0) return t('plan.notChanged');
    if (plan.updatedBy)
      return t('plan.updatedBy', {
        date: formatDateTime(plan.updatedAt, language),
        name: plan.updatedBy.name,
      });
    return t('plan.updated', { date: formatDateTime(plan.updatedAt, language) });
  };

  return (
    <PlanContext.Provider value={contextValue}>
      <article className="samspil-plan">
        {context === undefined ? (
          <p className="samspil-back">
            <Link to="/mit-overblik">{t('plan.backToMyDay')}</Link>
          </p>
        ) : null}
        <BreakGlassBanner citizenId={citizenId} enabled={canEdit} />
        <header className="samspil-plan-header">
          <h1>{title}</h1>
          <div className="samspil-plan-meta">
            {context ? <span>{name}</span> : null}
            {canEdit ? (
              <CprReveal citizenId={citizenId} masked={plan.citizen.cprMasked} />
            ) : (
              <span>
                {t('plan.cpr')}: <span className="samspil-nowrap">{plan.citizen.cprMasked}</span>
              </span>
            )}
            <span>{updatedText()}</span>
            <span>
              {t('plan.nextFollowUp')}:{' '}
              {next ? (
                <>
                  <span className="samspil-nowrap">{formatDate(next.date, language)}</span>
                  {next.overdue ? (
                    <>
                      {' '}
                      <OverdueTag since={next.date} />
                    </>
                  ) : null}
                </>
              ) : (
                t('plan.noNextFollowUp')
              )}
            </span>
          </div>
          <PlanActions citizenId={citizenId} professional={context !== 'citizen'} />
        </header>
        <nav className="samspil-contents" aria-label={t('plan.contents')}>
          <ul className="samspil-inline-list no-max-width">
            {contents.map((item) => (
              <li key={item.href}>
                <a href={`#${item.href}`}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        {canEdit ? <NextStepsSection citizenId={citizenId} /> : null}
        <GapSummary gaps={plan.gaps} context={context} />
        <GoalSection goal={plan.goal} missing={plan.gaps.missingGoal} context={context} />
        <SubGoalList
          subGoals={plan.subGoals}
          interventionsById={interventionsById}
          withoutIntervention={withoutIntervention}
          traces={traces}
        />
        <AfterFirstPaint>
          <PlanCoordination />
          <MeetingsSection />
          <DecisionsSection />
          <MeasuresSection />
          <Timeline plan={plan} />
          {canEdit ? <ProposalsSection /> : null}
          <InterventionsBySector
            sectors={plan.sectors}
            subGoalsById={subGoalsById}
            withoutSubGoal={withoutSubGoal}
          />
          <OrganisationSection plan={plan} context={context} />
          <PathwaysSection />
          <PyramidSection plan={plan} />
          <HistorySection
            plan={plan}
            history={{
              data: history.data,
              isPending: history.isPending,
              error: history.error,
              refetch: () => void history.refetch(),
            }}
          />
          {canEdit ? <PlanConsents citizenId={citizenId} teamLeader={isTeamLeader} /> : null}
          <PlanExport citizenId={citizenId} audience={canEdit ? 'professional' : 'citizen'} />
        </AfterFirstPaint>
      </article>
    </PlanContext.Provider>
  );
}
