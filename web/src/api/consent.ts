import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Consent, NewConsent } from '../../../src/domain/consent/consent.responses.js';
import { apiJson, type ItemList } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';

export type { Consent, NewConsent } from '../../../src/domain/consent/consent.responses.js';

/** What a consent may cover, why it is given, and the legal provisions a team leader may record instead. */
export {
  CONSENT_PURPOSES,
  INFORMATION_CATEGORIES as CONSENT_CATEGORIES,
  LEGAL_PROVISION_CODES as LEGAL_PROVISIONS,
} from '../../../src/domain/consent/consent.js';
export type {
  ConsentPurpose,
  InformationCategory as ConsentCategory,
} from '../../../src/domain/consent/consent.js';

/** The citizen's consents and recorded legal bases, with their history (newest first). */
export function useConsents(citizenId: string): UseQueryResult<Consent[]> {
  return useQuery({
    queryKey: queryKeys.consents(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Consent>>(`${citizenPath(citizenId)}/consents`, { signal })).items,
  });
}

/** The citizen gives a consent. */
export function useGiveConsent(citizenId: string): UseMutationResult<Consent, Error, NewConsent> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consent) =>
      apiJson<Consent>(`${citizenPath(citizenId)}/consents`, { method: 'POST', body: consent }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consents(citizenId) }),
  });
}

/** The citizen confirms or rejects a consent a professional registered as pending. */
export function useAnswerConsent(
  citizenId: string,
): UseMutationResult<Consent, Error, { consentId: string; answer: 'confirm' | 'reject' }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, answer }) =>
      apiJson<Consent>(`${citizenPath(citizenId)}/consents/${encodeURIComponent(consentId)}/${answer}`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consents(citizenId) }),
  });
}

/** Withdraws a consent; it takes effect at once. */
export function useWithdrawConsent(citizenId: string): UseMutationResult<Consent, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId) =>
      apiJson<Consent>(`${citizenPath(citizenId)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consents(citizenId) }),
  });
}
