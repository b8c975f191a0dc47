import type { ReactElement } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.js';
import { ErrorAlert } from './ErrorAlert.js';
import { Loading } from './Loading.js';

/** Shows the nested routes only to a logged-in user; everyone else goes to the login page. */
export function RequireAuth(): ReactElement {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
