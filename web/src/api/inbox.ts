import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { Inbox } from '../../../src/domain/coordination/notifications.js';

export type { Inbox, Notification as InboxItem } from '../../../src/domain/coordination/notifications.js';

/** My notifications, newest first. */
export function useInbox(): UseQueryResult<Inbox> {
  return useQuery({
    queryKey: queryKeys.inbox,
    queryFn: ({ signal }) => apiJson<Inbox>('/api/inbox?limit=100', { signal }),
  });
}

// Often enough that a colleague's change shows up during a working session, rarely enough to be cheap.
const POLL_MS = 60_000;

/** How many of my notifications are unread, for the header badge. */
export function useUnreadCount(enabled: boolean): UseQueryResult<number> {
  return useQuery({
    queryKey: queryKeys.unread,
    queryFn: async ({ signal }) =>
      (await apiJson<{ unread: number }>('/api/inbox/unread-count', { signal })).unread,
    enabled,
    refetchInterval: POLL_MS,
  });
}

/** Marks one notification read, or all of them when no id is given. */
export function useMarkRead(): UseMutationResult<{ unread: number }, Error, string | null> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId) =>
      apiJson<{ unread: number }>(
        notificationId === null
          ? '/api/inbox/read-all'
          : `/api/inbox/${encodeURIComponent(notificationId)}/read`,
        { method: 'POST' },
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(queryKeys.unread, result.unread);
      await queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
}
