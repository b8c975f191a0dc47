import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TeamCaseCreate,
  TeamMeetingView,
  TeamRecommendation,
  teamMeetingListSchema,
} from '../../../src/domain/meetings/team-case.schemas.js';
import { apiJson } from './client.js';

/** Team meetings and their case lists, as the API shows them (the domain's schemas). */
export type TeamMeeting = TeamMeetingView;
export type TeamMeetingSummary = z.infer<typeof teamMeetingListSchema>['items'][number];

const listKey = ['team-meetings'] as const;
const meetingKey = (id: string) => ['team-meetings', id] as const;

export function useTeamMeetings(): UseQueryResult<TeamMeetingSummary[]> {
  return useQuery({
    queryKey: listKey,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: TeamMeetingSummary[] }>('/api/team-meetings', { signal })).items,
  });
}

export function useTeamMeeting(id: string): UseQueryResult<TeamMeeting> {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => apiJson<TeamMeeting>(`/api/team-meetings/${encodeURIComponent(id)}`, { signal }),
    // A decision elsewhere (by anyone) may send a case back: read the list afresh each visit.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useCreateTeamMeeting(): UseMutationResult<
  TeamMeeting,
  Error,
  { title: string; startsAt: string }
> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson<TeamMeeting>('/api/team-meetings', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

export function useListTeamCase(meetingId: string): UseMutationResult<TeamMeeting, Error, TeamCaseCreate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) =>
      apiJson<TeamMeeting>(`/api/team-meetings/${encodeURIComponent(meetingId)}/cases`, {
        method: 'POST',
        body,
      }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKey(meetingId), meeting);
      return queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

export function useRecommend(
  meetingId: string,
  caseId: string,
): UseMutationResult<TeamMeeting, Error, TeamRecommendation> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) =>
      apiJson<TeamMeeting>(
        `/api/team-meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(caseId)}/recommendation`,
        { method: 'POST', body },
      ),
    onSuccess: (meeting) => queryClient.setQueryData(meetingKey(meetingId), meeting),
  });
}
