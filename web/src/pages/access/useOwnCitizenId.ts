import { useMe } from '../../api/auth.js';

/** The logged-in citizen's own id; null for professionals (these pages are the citizen's). */
export function useOwnCitizenId(): { citizenId: string | null; loading: boolean } {
  const me = useMe();
  if (!me.data) return { citizenId: null, loading: me.isPending };
  return { citizenId: me.data.kind === 'citizen' ? (me.data.citizenId ?? me.data.id) : null, loading: false };
}
