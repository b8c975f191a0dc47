import type { ReactElement } from 'react';
import { Navigate } from 'react-router';
import { Loading } from '../../components/Loading.js';
import { useMe } from '../../api/auth.js';
import { homePath } from '../../routes.js';
import { useOwnCitizenId } from './useOwnCitizenId.js';

/** Renders a citizen's own page with their id; sends anyone else to their start page. */
export function CitizenOnly({ render }: { render: (citizenId: string) => ReactElement }): ReactElement {
  const me = useMe();
  const { citizenId, loading } = useOwnCitizenId();
  if (loading) return <Loading />;
  if (citizenId === null) return <Navigate to={me.data ? homePath(me.data) : '/login'} replace />;
  return render(citizenId);
}
