import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Consent } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.consents(citizenId) }),
  });
}
