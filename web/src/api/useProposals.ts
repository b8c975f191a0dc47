import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';

/** A proposed change (forslag) to an intervention, answered by the unit that owns it. */
export interface Proposal {
  id: string;
  citizenId: string;
  interventionId: string;
  ownerUnit: { id: string; name: string };
  proposedBy: { id: string; name: string; unit: { id: string; name: string } };
  status: 'pending' | 'accepted' | 'declined';
  /** The intervention's details are hidden from me: only that a change was proposed. */
  detailsHidden: boolean;
  change: Record<string, unknown> | null;
  comment: string | null;
  declineReason: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  createdAt: string;
  /** I may accept or decline it (my unit owns the intervention, and it is pending). */
  canAnswer: boolean;
}

/** The citizen's proposals, pending first. */
export function useProposals(citizenId: string): UseQueryResult<Proposal[]> {
  return useQuery({
    queryKey: queryKeys.proposals(citizenId),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: Proposal[] }>(`/api/citizens/${encodeURIComponent(citizenId)}/proposals`, {
          signal,
        })
      ).items,
  });
}
