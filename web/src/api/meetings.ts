import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  MeetingCreate,
  MeetingPreparation,
  MeetingView,
} from '../../../src/domain/meetings/meeting.schemas.js';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

/** A network or team meeting with the citizen, as the API shows it to this viewer (one schema, the server's). */
export type Meeting = MeetingView;

/** A new meeting, as the API takes it (one schema, the domain's). */
export type NewMeeting = MeetingCreate;

export type MeetingAction = { step: 'hold'; summary: string } | { step: 'cancel'; reason: string };

const meetingsKey = (citizenId: string) => ['citizen', citizenId, 'meetings'] as const;

/** The citizen's meetings, oldest first. */
export function useMeetings(citizenId: string): UseQueryResult<Meeting[]> {
  return useQuery({
    queryKey: meetingsKey(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: Meeting[] }>(`${citizenPath(citizenId)}/meetings`, { signal })).items,
  });
}

/** Arranges a meeting and invites its participants. */
export function useCreateMeeting(citizenId: string): UseMutationResult<Meeting, Error, NewMeeting> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (meeting) =>
      apiJson<Meeting>(`${citizenPath(citizenId)}/meetings`, { method: 'POST', body: meeting }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsKey(citizenId) }),
  });
}

/** Holds (with a summary) or cancels (with a reason) a planned meeting. */
export function useMeetingAction(
  citizenId: string,
  meetingId: string,
): UseMutationResult<Meeting, Error, MeetingAction> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }) =>
      apiJson<Meeting>(`${citizenPath(citizenId)}/meetings/${meetingId}/${step}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsKey(citizenId) }),
  });
}

/** The citizen's preparation of a planned meeting: her answers replace what she wrote before. */
export function usePrepareMeeting(
  citizenId: string,
  meetingId: string,
): UseMutationResult<Meeting, Error, MeetingPreparation> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preparation) =>
      apiJson<Meeting>(`${citizenPath(citizenId)}/meetings/${meetingId}/preparation`, {
        method: 'PUT',
        body: preparation,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsKey(citizenId) }),
  });
}
