import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CalendarFeed,
  CalendarFeedCreated,
} from '../../../src/domain/calendar-feeds/calendar-feeds.responses.js';
import type { CitizenReminder } from '../../../src/domain/reminders/reminders.responses.js';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

export type { CalendarFeed, CalendarFeedCreated, CitizenReminder };

// Below 'workspace' and 'citizens', roots that logout forgets.
const feedsKey = ['workspace', 'calendar-feeds'] as const;
const remindersKey = (citizenId: string) => ['citizens', citizenId, 'reminders'] as const;

/** My active calendar links (never their addresses). */
export function useCalendarFeeds(): UseQueryResult<CalendarFeed[]> {
  return useQuery({
    queryKey: feedsKey,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: CalendarFeed[] }>('/api/calendar-feeds', { signal })).items,
  });
}

/** Makes a calendar link for me; its address is in the answer, this once. */
export function useCreateCalendarFeed(): UseMutationResult<CalendarFeedCreated, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson<CalendarFeedCreated>('/api/calendar-feeds', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

/** Revokes one of my calendar links. */
export function useRevokeCalendarFeed(): UseMutationResult<unknown, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId) =>
      apiJson(`/api/calendar-feeds/${encodeURIComponent(feedId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

/** The citizen's reminders, newest first. */
export function useCitizenReminders(citizenId: string): UseQueryResult<CitizenReminder[]> {
  return useQuery({
    queryKey: remindersKey(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: CitizenReminder[] }>(`${citizenPath(citizenId)}/reminders`, { signal })).items,
  });
}
