import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { HomeRedirect } from './components/HomeRedirect.js';
import { RequireAuth } from './components/RequireAuth.js';
import { PageLoader } from './pages/lazy-page.js';
import { coordinationPages, coordinationPaths } from './pages/coordination-pages.js';
import { pages } from './pages/pages.js';
import { managementPage, managementPath } from './pages/management-pages.js';
import { pathwayTemplatesPage, pathwayTemplatesPath } from './pages/pathway-templates-pages.js';
import { myPathwayPath } from './routes.js';

/**
 * The routes. Addresses are Danish, like the product:
 * - `/login` demo login
 * - `/login/fuldmagt` a relative with several delegations (fuldmagter) chooses whose plan
 * - `/mit-overblik` My day: the professional's citizens with what needs attention
 * - `/borgere` the professional's whole caseload ("Mine borgere")
 * - `/min-enhed` the team leader's unit overview
 * - `/min-enhed/borgere` the unit's citizens behind a figure (?attention=…, ?professionalId=…)
 * - `/borgere/:citizenId/plan` a citizen's plan (a citizen sees their own here too)
 * - `/borgere/:citizenId/moeder/:meetingId` one meeting: invitations, agenda, record, agreements
 * - `/borgere/:citizenId/afgoerelser/:decisionId` a decision's checklist (`…/ny` a new draft)
 * - `/teammoeder` my unit's team meetings, `/teammoeder/:id` one with its case list
 * - `/samarbejde` the team leader's collaboration and quality survey results
 * - `/ledelsestal` management figures for leaders
 * - `/forloebsskabeloner` the municipality's pathway templates (leaders copy, edit, publish)
 * - `/svar/:token` a collaboration survey answered through an invitation link (no login)
 * - `/tilgaengelighed` the accessibility statement and `/privatliv` the privacy notice (no login)
 */
export function App(): ReactElement {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRedirect />} />
        <Route path="login" element={<PageLoader page={pages.login} />} />
        <Route path="login/fuldmagt" element={<PageLoader page={pages.delegationChoice} />} />
        <Route path="tilgaengelighed" element={<PageLoader page={pages.accessibility} />} />
        <Route path="privatliv" element={<PageLoader page={pages.privacy} />} />
        <Route path="svar/:token" element={<PageLoader page={pages.surveyAnswer} />} />
        <Route element={<RequireAuth />}>
          <Route path="mit-overblik" element={<PageLoader page={pages.myDay} />} />
          <Route path="borgere" element={<PageLoader page={pages.caseload} />} />
          <Route path="min-enhed" element={<PageLoader page={pages.unit} />} />
          <Route path="min-enhed/borgere" element={<PageLoader page={pages.unitCitizens} />} />
          <Route path="borgere/:citizenId/plan" element={<PageLoader page={pages.plan} />} />
          <Route
            path="borgere/:citizenId/plan/opfoelgning/:kind/:itemId"
            element={<PageLoader page={pages.followUp} />}
          />
          <Route path="borgere/:citizenId/moeder/:meetingId" element={<PageLoader page={pages.meeting} />} />
          <Route path="borgere/:citizenId/afgoerelser/ny" element={<PageLoader page={pages.newDecision} />} />
          <Route
            path="borgere/:citizenId/afgoerelser/:decisionId"
            element={<PageLoader page={pages.decision} />}
          />
          <Route path="teammoeder" element={<PageLoader page={pages.teamMeetings} />} />
          <Route path="teammoeder/:teamMeetingId" element={<PageLoader page={pages.teamMeeting} />} />
          <Route path={myPathwayPath.slice(1)} element={<PageLoader page={pages.myPathway} />} />
          <Route path="samarbejde" element={<PageLoader page={pages.surveys} />} />
          <Route path={managementPath.slice(1)} element={<PageLoader page={managementPage} />} />
          <Route path={pathwayTemplatesPath.slice(1)} element={<PageLoader page={pathwayTemplatesPage} />} />
          {coordinationPaths.map(([path, page]) => (
            <Route key={path} path={path} element={<PageLoader page={coordinationPages[page]} />} />
          ))}
        </Route>
        <Route path="*" element={<PageLoader page={pages.notFound} />} />
      </Route>
    </Routes>
  );
}
