import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { InboxItem } from './coordination-types.js';

export interface Inbox {
  items: InboxItem[];
  unread: number;
}

/** My notifications, newest first. */
export function useInbox(): UseQueryResult<Inbox> {
  return useQuery({
    queryKey: coordinationKeys.inbox,
    queryFn: ({ signal }) => apiJson<Inbox>('/api/inbox?limit=100', { signal }),
  });
}
