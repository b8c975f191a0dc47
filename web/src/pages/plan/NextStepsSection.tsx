import { type ReactElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagSeverity } from '../../api/coordination.js';
import { useNextSteps } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { coordinationAnchor } from '../coordination/flag-text.js';
import { anchors } from './anchors.js';
import { FollowUpForm } from './edit/FollowUpForm.js';
import { meetingsAnchor } from './MeetingsSection.js';
import { OverdueTag } from './OverdueTag.js';
import { usePlanContext } from './PlanContext.js';
import { proposalsAnchor } from './ProposalsSection.js';
import { Link } from 'react-router';
import { followUpPath } from '../../routes.js';

export const nextStepsAnchor = 'naeste-skridt';

/** The badge colour of a flag's severity. */
const SEVERITY_BADGE: Record<FlagSeverity, string> = {
  high: 'badge-error',
  medium: 'badge-warning',
  low: 'badge-info',
};

/**
 * "Næste skridt" at the top of the plan: what to do next, each with its one action. The numbers
 * are My day's for this citizen (one query and one domain function serve both); it lists only
 * what the viewer may see. A follow-up of the viewer's own unit is recorded right here.
 */
export function NextStepsSection({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { plan, meUnitId } = usePlanContext();
  const steps = useNextSteps(citizenId);
  const [recording, setRecording] = useState<string | null>(null);
  const ownUnit = (interventionId: string): boolean =>
    meUnitId !== null &&
    plan.sectors.some((group) =>
      group.interventions.some((item) => item.id === interventionId && item.unit.id === meUnitId),
    );

  const items: { key: string; content: ReactNode }[] = [];
  const data = steps.data;
  if (data) {
    for (const step of data.followUps) {
      const own = ownUnit(step.interventionId);
      // While its form is open, the follow-up's own button is hidden.
      const recordButton =
        recording === step.interventionId ? null : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRecording(step.interventionId)}
          >
            {t('plan.nextSteps.recordFollowUp')}
            <span className="sr-only">: {step.name}</span>
          </button>
        );
      items.push({
        key: `follow-up-${step.interventionId}`,
        content: (
          <>
            <Step
              text={t('plan.nextSteps.followUp', { name: step.name, unit: step.unitName })}
              tag={<OverdueTag since={step.date} />}
              action={
                own ? (
                  recordButton
                ) : (
                  <a href={`#${anchors.intervention(step.interventionId)}`}>
                    {t('plan.nextSteps.toIntervention', { name: step.name })}
                  </a>
                )
              }
            />
            {recording === step.interventionId ? (
              <FollowUpForm
                interventionId={step.interventionId}
                name={step.name}
                onDone={() => setRecording(null)}
              />
            ) : null}
          </>
        ),
      });
    }
    for (const step of data.subGoals) {
      items.push({
        key: `sub-goal-${step.subGoalId}`,
        content: (
          <Step
            text={t('plan.nextSteps.subGoal', { title: step.title })}
            tag={<OverdueTag since={step.date} />}
            action={
              <a href={`#${anchors.subGoal(step.subGoalId)}`}>
                {t('plan.nextSteps.toSubGoal', { title: step.title })}
              </a>
            }
          />
        ),
      });
    }
    for (const step of data.subGoalFollowUps) {
      items.push({
        key: `sub-goal-follow-up-${step.subGoalId}`,
        content: (
          <Step
            text={t('followUps.nextSteps.subGoalFollowUp', { title: step.title })}
            tag={<OverdueTag since={step.date} />}
            action={
              <Link to={followUpPath(citizenId, 'sub_goal', step.subGoalId)}>
                {t('followUps.nextSteps.toFollowUp', { name: step.title })}
              </Link>
            }
          />
        ),
      });
    }
    for (const step of data.reassessments) {
      items.push({
        key: `reassess-${step.followUpId}`,
        content: (
          <Step
            text={[
              t('followUps.nextSteps.reassess', {
                name: step.name,
                date: formatDate(step.heldOn, language),
              }),
              data.pathway ? t('followUps.nextSteps.pathway', { name: data.pathway.name[language] }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
            action={
              <Link to={followUpPath(citizenId, step.item.kind, step.item.id)}>
                {t('followUps.nextSteps.toFollowUp', { name: step.name })}
              </Link>
            }
          />
        ),
      });
    }
    for (const flag of data.flags) {
      items.push({
        key: `flag-${flag.id}`,
        content: (
          <Step
            text={flagText(flag.title[language], flag.explanation[language])}
            tag={
              <span className={`badge samspil-badge ${SEVERITY_BADGE[flag.severity]}`}>
                {t(`coordination.severity.${flag.severity}`)}
              </span>
            }
            action={<a href={`#${coordinationAnchor}`}>{t('plan.nextSteps.toFlag')}</a>}
          />
        ),
      });
    }
    if (data.nextMeeting) {
      items.push({
        key: 'meeting',
        content: (
          <Step
            text={t('plan.nextSteps.meeting', {
              kind: t(`meetings.kind.${data.nextMeeting.kind}`, { defaultValue: data.nextMeeting.kind }),
              when: formatDateTime(data.nextMeeting.startsAt, language),
            })}
            action={<a href={`#${meetingsAnchor}`}>{t('plan.nextSteps.toMeeting')}</a>}
          />
        ),
      });
    }
    for (const proposal of data.proposals) {
      items.push({
        key: `proposal-${proposal.id}`,
        content: (
          <Step
            text={t(proposal.toAnswer ? 'plan.nextSteps.proposalToAnswer' : 'plan.nextSteps.proposalWaiting')}
            action={<a href={`#${proposalsAnchor}`}>{t('plan.nextSteps.toProposals')}</a>}
          />
        ),
      });
    }
    for (const referral of data.referrals) {
      items.push({
        key: `referral-${referral.id}`,
        content: (
          <Step
            text={t(
              referral.toAnswer ? 'plan.nextSteps.referralToAnswer' : 'plan.nextSteps.referralWaiting',
              {
                from: referral.fromUnitName,
                to: referral.toUnitName ?? t('plan.nextSteps.civilSociety'),
                due: formatDate(referral.answerDue, language),
              },
            )}
            tag={referral.overdue ? <OverdueTag since={referral.answerDue} /> : null}
            action={<a href="#plan-referrals">{t('plan.nextSteps.toReferrals')}</a>}
          />
        ),
      });
    }
  }

  return (
    <section aria-labelledby={nextStepsAnchor} className="samspil-next-steps samspil-panel">
      <h2 id={nextStepsAnchor} className="h3">
        {t('plan.nextSteps.heading')}
      </h2>
      {steps.isPending ? <Loading /> : null}
      {steps.isError ? <ErrorAlert error={steps.error} onRetry={() => void steps.refetch()} /> : null}
      {data && items.length === 0 ? <p>{t('plan.nextSteps.nothing')}</p> : null}
      {items.length > 0 ? (
        <ul className="samspil-next-steps-list nobullet-list no-max-width">
          {items.map((item) => (
            <li key={item.key}>{item.content}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A flag's title and explanation, the title once when the explanation already opens with it. */
function flagText(title: string, explanation: string): string {
  return explanation.startsWith(title) ? explanation : `${title}: ${explanation}`;
}

/** One next step: what it is, its tag (overdue, severity) and the action that handles it. */
function Step({ text, tag, action }: { text: string; tag?: ReactNode; action: ReactNode }): ReactElement {
  return (
    <div className="samspil-next-step">
      <span className="samspil-next-step-text">
        {text} {tag}
      </span>
      {action ? <span className="samspil-next-step-action">{action}</span> : null}
    </div>
  );
}
