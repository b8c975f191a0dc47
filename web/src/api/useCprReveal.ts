import { useCallback, useRef, useState } from 'react';
import { apiJson } from './client.js';
import { citizenPath } from './coordinationKeys.js';

export type CprRevealState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'shown'; cpr: string }
  | { status: 'error'; error: unknown };

export interface CprReveal {
  state: CprRevealState;
  reveal: (reason: string) => void;
  /** Asks again with the last reason (after logging in again for step-up). */
  retry: () => void;
  hide: () => void;
}

/**
 * Reveals a citizen's full CPR number with a reason (audited). The number lives only in this
 * component state: not in the query cache, a URL or storage, and it is gone when the page is left.
 */
export function useCprReveal(citizenId: string): CprReveal {
  const [state, setState] = useState<CprRevealState>({ status: 'idle' });
  // The reason (not the number) is kept for a retry after a step-up login.
  const lastReason = useRef('');
  const reveal = useCallback(
    (reason: string) => {
      lastReason.current = reason;
      setState({ status: 'pending' });
      apiJson<{ cpr: string }>(`${citizenPath(citizenId)}/cpr/reveal`, { method: 'POST', body: { reason } })
        .then((result) => setState({ status: 'shown', cpr: result.cpr }))
        .catch((error: unknown) => setState({ status: 'error', error }));
    },
    [citizenId],
  );
  const hide = useCallback(() => setState({ status: 'idle' }), []);
  const retry = useCallback(() => reveal(lastReason.current), [reveal]);
  return { state, reveal, retry, hide };
}
