import '../../styles/citizen.css';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { danishToday } from '../../../../src/domain/calendar.js';
import { possessive } from '../../../../src/domain/language/possessive.js';
import { useMeetings } from '../../api/meetings.js';
import { useMe } from '../../api/auth.js';
import { usePlan } from '../../api/plan.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { planPath } from '../../routes.js';
import { CitizenOnly } from '../access/CitizenOnly.js';
import { ReportingObjectionSetting } from '../access/ReportingObjectionSetting.js';
import { CalendarSubscription } from '../calendar/CalendarSubscription.js';
import { MyReminders } from '../calendar/MyReminders.js';
import { accessLogPath, consentsPath, delegationsPath } from '../coordination/paths.js';
import { HelpList } from './HelpList.js';
import { MeetingFeedback } from './MeetingFeedback.js';
import { MeetingMinutes } from './MeetingMinutes.js';
import { MeetingPreparation } from './MeetingPreparation.js';
import { MyDecisions } from './MyDecisions.js';
import { MyFollowUps } from './MyFollowUps.js';
import { MyPathways } from './MyPathways.js';
import { myPathway } from './my-pathway.js';
import { RatingsOverTime } from './MyRatings.js';
import { OwnGoalEditor, OwnSteps, PlanSay } from './OwnPart.js';
import { SinceLastTime } from './SinceLastTime.js';
import { StepList } from './StepList.js';
import { WhomToCall } from './WhomToCall.js';

/**
 * Mit forløb: the citizen's own start page, in plain language (issue 11). Her goal in her own
 * words first, then this week, whom to call, her steps in words and who does what for her and
 * why. No cost, codes or legal references. A relative with a power of attorney reads the same
 * page in the third person ("Saras forløb"), with a banner saying whose plan it is.
 */
export function MyPathwayPage(): ReactElement {
  return <CitizenOnly render={(citizenId) => <MyPathwayView citizenId={citizenId} />} />;
}

function MyPathwayView({ citizenId }: { citizenId: string }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const plan = usePlan(citizenId);
  const meetings = useMeetings(citizenId);
  const actingFor = me.data?.actingFor ?? null;
  const context = actingFor ? 'relative' : undefined;
  // "Saras forløb": the relative reads someone else's plan, named in the genitive.
  const owner = possessive(plan.data?.plan.citizen.givenName ?? actingFor?.citizenName ?? '', language);
  const title = t('citizen.title', { context, owner });
  useDocumentTitle(plan.data ? title : null);
  if (!plan.data) return <QueryStatus query={plan} />;
  const view = myPathway(plan.data.plan, meetings.data ?? [], new Date(), danishToday());
  const values = { context, owner };
  const own = { citizenId, versioned: plan.data, context, owner } as const;
  return (
    <div className="samspil-my-pathway">
      <h1>{title}</h1>
      {actingFor ? (
        <div className="alert alert-info" role="note">
          <div className="alert-body">
            <p className="alert-text">
              {t(actingFor.mayConsent ? 'citizen.relativeBannerConsent' : 'citizen.relativeBanner', {
                name: actingFor.citizenName,
                owner,
              })}
            </p>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="mit-maal" className="samspil-goal">
        <h2 id="mit-maal">{t('citizen.goal.heading', values)}</h2>
        {view.goal?.ownWords ? (
          <figure className="samspil-own-words">
            <blockquote>
              <p>{view.goal.ownWords}</p>
            </blockquote>
            <figcaption>{t('citizen.goal.ownWords', values)}</figcaption>
          </figure>
        ) : (
          <p>{t('citizen.goal.none', values)}</p>
        )}
        {view.goal?.professionalWording ? (
          <p className="samspil-muted">
            {t('citizen.goal.staffWording', values)} {view.goal.professionalWording}
          </p>
        ) : null}
        <OwnGoalEditor {...own} />
      </section>

      <SinceLastTime
        citizenId={citizenId}
        plan={plan.data.plan}
        meId={me.data?.id ?? null}
        context={context}
      />

      <section aria-labelledby="lige-nu" className="samspil-this-week">
        <h2 id="lige-nu">{t('citizen.now.heading')}</h2>
        <ul className="samspil-this-week-list">
          <li>
            <strong>{t('citizen.now.nextMeeting')}</strong>{' '}
            {view.nextMeeting
              ? t('citizen.now.meetingAt', {
                  when: formatDateTime(view.nextMeeting.startsAt, language),
                  where: view.nextMeeting.online
                    ? t('citizen.now.online')
                    : (view.nextMeeting.place ?? t('citizen.now.placeLater')),
                })
              : t('citizen.now.noMeeting', values)}
          </li>
          <li>
            <strong>{t('citizen.now.stepsSoon', values)}</strong>{' '}
            {view.stepsDueSoon.length > 0
              ? view.stepsDueSoon
                  .map((goal) =>
                    t('citizen.now.stepBy', {
                      step: goal.title,
                      date: formatDate(goal.targetDate ?? '', language),
                    }),
                  )
                  .join(' · ')
              : t('citizen.now.noStepsSoon')}
          </li>
          <li>
            <strong>{t('citizen.now.helpHeading', values)}</strong>{' '}
            {t('citizen.now.helpCount', { ...values, count: view.helpNow })}
          </li>
        </ul>
      </section>

      <MyReminders citizenId={citizenId} context={context} />
      <MyDecisions citizenId={citizenId} context={context} />
      <MyFollowUps citizenId={citizenId} plan={plan.data.plan} />
      {view.nextMeeting ? (
        <MeetingPreparation citizenId={citizenId} meeting={view.nextMeeting} context={context} />
      ) : null}
      {view.lastHeldMeeting ? (
        <MeetingFeedback citizenId={citizenId} meeting={view.lastHeldMeeting} context={context} />
      ) : null}
      <MeetingMinutes citizenId={citizenId} meetings={meetings.data ?? []} />
      <WhomToCall view={view} context={context} />
      <StepList citizenId={citizenId} view={view} context={context} owner={owner} />
      <OwnSteps {...own} />
      <HelpList view={view} context={context} owner={owner} />
      <MyPathways pathways={plan.data.plan.pathways} context={context} owner={owner} />
      <RatingsOverTime
        citizenId={citizenId}
        steps={[...view.activeSteps, ...view.finishedSteps]}
        context={context}
      />
      <PlanSay {...own} />

      <ReportingObjectionSetting
        citizenId={citizenId}
        viewer="citizen"
        mayChange={!actingFor || actingFor.mayConsent === true}
        context={context}
        owner={owner}
        name={actingFor?.citizenName ?? ''}
      />

      <section aria-labelledby="mere" className="samspil-my-links">
        <h2 id="mere">{t('citizen.more.heading')}</h2>
        <ul className="nobullet-list">
          <li>
            <a href={`/api/citizens/${encodeURIComponent(citizenId)}/plan.pdf?lang=${language}`} download>
              {t('citizen.more.pdf', values)}
            </a>
          </li>
          {actingFor ? null : (
            <>
              <li>
                <Link to={consentsPath}>{t('citizen.more.consents')}</Link>
              </li>
              <li>
                <Link to={delegationsPath}>{t('citizen.more.relatives')}</Link>
              </li>
            </>
          )}
          <li>
            <Link to={accessLogPath}>{t('citizen.more.accessLog', values)}</Link>
          </li>
          <li>
            <Link to={planPath(citizenId)}>{t('citizen.more.wholePlan', values)}</Link>
          </li>
        </ul>
        {/* The link works without a login: the citizen makes it herself, never a relative. */}
        {actingFor ? null : <CalendarSubscription audience="citizen" />}
      </section>
    </div>
  );
}
