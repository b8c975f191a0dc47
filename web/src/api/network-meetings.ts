import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Agenda,
  agendaProposalSchema,
  agreementsWrittenSchema,
  Invitations,
  MeetingRecord,
} from '../../../src/domain/meetings/network-meeting.schemas.js';
import { apiJson, apiRequest } from './client.js';
import type { Meeting } from './meetings.js';
import { citizenPath, queryKeys } from './queryKeys.js';

export type AgendaProposal = z.infer<typeof agendaProposalSchema>;
export type AgreementsWritten = z.infer<typeof agreementsWrittenSchema>;

const meetingPath = (citizenId: string, meetingId: string) =>
  `${citizenPath(citizenId)}/meetings/${meetingId}`;

/** Where a held meeting's minutes are, as a PDF (the server decides who gets them). */
export function minutesUrl(citizenId: string, meetingId: string): string {
  return `${meetingPath(citizenId, meetingId)}/minutes.pdf`;
}

/** A PUT on one meeting that answers with the meeting; the meetings list is refetched. */
function useMeetingPut<Body>(
  citizenId: string,
  meetingId: string,
  suffix: string,
): UseMutationResult<Meeting, Error, Body> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) =>
      apiJson<Meeting>(`${meetingPath(citizenId, meetingId)}${suffix}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['citizen', citizenId, 'meetings'] }),
  });
}

export const useSetInvitations = (citizenId: string, meetingId: string) =>
  useMeetingPut<Invitations>(citizenId, meetingId, '/invitations');
export const useSaveAgenda = (citizenId: string, meetingId: string) =>
  useMeetingPut<Agenda>(citizenId, meetingId, '/agenda');
export const useRecordMeeting = (citizenId: string, meetingId: string) =>
  useMeetingPut<MeetingRecord>(citizenId, meetingId, '/record');

/** Asks for an agenda proposed from her preparation and the plan (nothing is saved). */
export function useAgendaProposal(
  citizenId: string,
  meetingId: string,
): UseMutationResult<AgendaProposal, Error, void> {
  return useMutation({
    mutationFn: () => apiJson<AgendaProposal>(`${meetingPath(citizenId, meetingId)}/agenda-proposal`),
  });
}

/** Writes the meeting's agreements to the plan in one change, on the plan version seen. */
export function useWriteAgreements(
  citizenId: string,
  meetingId: string,
): UseMutationResult<AgreementsWritten, Error, { etag: string | null }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }) =>
      (
        await apiRequest<AgreementsWritten>(`${meetingPath(citizenId, meetingId)}/agreements/write`, {
          method: 'POST',
          body: {},
          headers: etag ? { 'If-Match': etag } : {},
        })
      ).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['citizen', citizenId, 'meetings'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(citizenId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(citizenId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.proposals(citizenId) });
    },
  });
}
