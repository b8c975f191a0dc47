import { lazyPage } from './lazy-page.js';

/** The app's pages, each in its own chunk so the first load carries only the shell. */
export const pages = {
  login: lazyPage(() => import('./login/LoginPage.js').then((module) => module.LoginPage)),
  delegationChoice: lazyPage(() =>
    import('./login/DelegationChoicePage.js').then((module) => module.DelegationChoicePage),
  ),
  myDay: lazyPage(() => import('./my-day/MyDayPage.js').then((module) => module.MyDayPage)),
  caseload: lazyPage(() => import('./caseload/CaseloadPage.js').then((module) => module.CaseloadPage)),
  unit: lazyPage(() => import('./unit/UnitOverviewPage.js').then((module) => module.UnitOverviewPage)),
  myPathway: lazyPage(() => import('./citizen/MyPathwayPage.js').then((module) => module.MyPathwayPage)),
  unitCitizens: lazyPage(() =>
    import('./unit/UnitCitizensPage.js').then((module) => module.UnitCitizensPage),
  ),
  plan: lazyPage(() => import('./plan/PlanPage.js').then((module) => module.PlanPage)),
  followUp: lazyPage(() => import('./plan/follow-up/FollowUpPage.js').then((module) => module.FollowUpPage)),
  meeting: lazyPage(() => import('./meetings/MeetingPage.js').then((module) => module.MeetingPage)),
  surveys: lazyPage(() => import('./surveys/SurveysPage.js').then((module) => module.SurveysPage)),
  surveyAnswer: lazyPage(() => import('./surveys/AnswerPage.js').then((module) => module.AnswerPage)),
  accessibility: lazyPage(() =>
    import('./about/AccessibilityPage.js').then((module) => module.AccessibilityPage),
  ),
  privacy: lazyPage(() => import('./about/PrivacyPage.js').then((module) => module.PrivacyPage)),
  decision: lazyPage(() => import('./decisions/DecisionPage.js').then((module) => module.DecisionPage)),
  newDecision: lazyPage(() =>
    import('./decisions/NewDecisionPage.js').then((module) => module.NewDecisionPage),
  ),
  teamMeetings: lazyPage(() =>
    import('./team-meetings/TeamMeetingsPage.js').then((module) => module.TeamMeetingsPage),
  ),
  teamMeeting: lazyPage(() =>
    import('./team-meetings/TeamMeetingPage.js').then((module) => module.TeamMeetingPage),
  ),
  notFound: lazyPage(() => import('./errors/NotFoundPage.js').then((module) => module.NotFoundPage)),
};
