import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath } from './coordinationKeys.js';

/** A network or team meeting with the citizen, as the API shows it to this viewer. */
export interface Meeting {
  id: string;
  citizenId: string;
  kind: 'network' | 'team';
  status: 'planned' | 'held' | 'cancelled';
  startsAt: string;
  place: string | null;
  online: boolean;
  organiser: { id: string; name: string; unit: { id: string; name: string } };
  participants: {
    kind: 'professional' | 'network' | 'civil_society';
    professionalId: string | null;
    name: string;
    profession: string | null;
    unit: { id: string; name: string } | null;
  }[];
  /** Purpose, agenda, summary and private participants are for those involved. */
  detailsHidden: boolean;
  purpose: string | null;
  agenda: string | null;
  summary: string | null;
  cancelReason: string | null;
  relationUntil: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewMeeting {
  kind: Meeting['kind'];
  purpose: string;
  agenda?: string;
  startsAt: string;
  place?: string;
  online?: boolean;
  participantIds?: string[];
  others?: { kind: 'network' | 'civil_society'; name: string }[];
}

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
