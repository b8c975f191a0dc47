import { lazy, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { HomeRedirect } from './components/HomeRedirect.js';
import { RequireAuth } from './components/RequireAuth.js';

// Pages are split into their own chunks, so the first load carries only the shell.
const LoginPage = lazy(() =>
  import('./pages/login/LoginPage.js').then((module) => ({ default: module.LoginPage })),
);
const CaseloadPage = lazy(() =>
  import('./pages/caseload/CaseloadPage.js').then((module) => ({ default: module.CaseloadPage })),
);
const MyDayPage = lazy(() =>
  import('./pages/my-day/MyDayPage.js').then((module) => ({ default: module.MyDayPage })),
);
const UnitOverviewPage = lazy(() =>
  import('./pages/unit/UnitOverviewPage.js').then((module) => ({ default: module.UnitOverviewPage })),
);
const PlanPage = lazy(() =>
  import('./pages/plan/PlanPage.js').then((module) => ({ default: module.PlanPage })),
);
const NotFoundPage = lazy(() =>
  import('./pages/errors/NotFoundPage.js').then((module) => ({ default: module.NotFoundPage })),
);

/**
 * The routes. Addresses are Danish, like the product:
 * - `/login` demo login
 * - `/mit-overblik` My day: the professional's citizens with what needs attention
 * - `/borgere` the professional's whole caseload ("Mine borgere")
 * - `/min-enhed` the team leader's unit overview
 * - `/borgere/:citizenId/plan` a citizen's plan (a citizen sees their own here too)
 */
export function App(): ReactElement {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRedirect />} />
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route path="mit-overblik" element={<MyDayPage />} />
          <Route path="borgere" element={<CaseloadPage />} />
          <Route path="min-enhed" element={<UnitOverviewPage />} />
          <Route path="borgere/:citizenId/plan" element={<PlanPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
