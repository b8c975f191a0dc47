import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';

// Often enough that a colleague's change shows up during a working session, rarely enough to be cheap.
const POLL_MS = 60_000;

/** How many of my notifications are unread, for the header badge. */
export function useUnreadCount(enabled: boolean): UseQueryResult<number> {
  return useQuery({
    queryKey: coordinationKeys.unread,
    queryFn: async ({ signal }) =>
      (await apiJson<{ unread: number }>('/api/inbox/unread-count', { signal })).unread,
    enabled,
    refetchInterval: POLL_MS,
  });
}
