import { useCallback, useRef, useState } from 'react';
import { apiJson } from './client.js';
import type { CaseloadItem, Page } from './types.js';

/** The search's answer; `emergencyAccess` when the citizen exists but you have no relationship. */
export interface CprSearchPage extends Page<CaseloadItem> {
  emergencyAccess?: { citizenId: string } | null;
}

export type CprSearchState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; result: CprSearchPage }
  | { status: 'error'; error: unknown };

export interface CprSearch {
  state: CprSearchState;
  search: (cpr: string) => void;
  clear: () => void;
}

/**
 * Finds a citizen by CPR number. The number travels only in a POST body and is not kept
 * anywhere afterwards: not in a URL, browser history, storage or the query cache (which is
 * why this is plain state and not a TanStack mutation, whose state would keep the variables).
 */
export function useCprSearch(): CprSearch {
  const [state, setState] = useState<CprSearchState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const search = useCallback((cpr: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'pending' });
    apiJson<CprSearchPage>('/api/citizens/search', {
      method: 'POST',
      body: { cpr },
      signal: current.signal,
    })
      .then((result) => {
        if (!current.signal.aborted) setState({ status: 'success', result });
      })
      .catch((error: unknown) => {
        if (!current.signal.aborted) setState({ status: 'error', error });
      });
  }, []);

  const clear = useCallback(() => {
    controller.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, search, clear };
}
