import type { ReactElement } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/auth.js';
import { homePath } from '../routes.js';
import { ErrorAlert } from './ErrorAlert.js';
import { Loading } from './Loading.js';

/** The front page: the user's start page when logged in, otherwise the login page. */
export function HomeRedirect(): ReactElement {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  return <Navigate to={me.data ? homePath(me.data) : '/login'} replace />;
}
