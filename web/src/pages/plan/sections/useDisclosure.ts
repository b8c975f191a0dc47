import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { REVEAL_EVENT } from './reveal.js';

const PREFIX = 'samspil.plan.open.';

function stored(key: string | null): boolean | null {
  if (key === null) return null;
  try {
    const value = window.sessionStorage.getItem(PREFIX + key);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

export interface Disclosure {
  open: boolean;
  toggle: () => void;
  /** The folded content: a link to anything inside it opens it. */
  body: RefObject<HTMLDivElement | null>;
}

/**
 * Open or folded, remembered per part of the plan for the browser tab (sessionStorage: it holds
 * only which parts are open, no citizen data), so moving between citizens keeps one's layout.
 * `key` null: not remembered (a group inside one plan). A link to something inside opens it, and
 * so does a link to `ownId` (the part's own heading).
 */
export function useDisclosure(key: string | null, defaultOpen: boolean, ownId?: string): Disclosure {
  const [open, setOpen] = useState<boolean>(() => stored(key) ?? defaultOpen);
  const body = useRef<HTMLDivElement | null>(null);
  const remember = useCallback(
    (value: boolean) => {
      if (key === null) return;
      try {
        window.sessionStorage.setItem(PREFIX + key, value ? '1' : '0');
      } catch {
        // Storage refused (private mode, quota): the part still opens and closes.
      }
    },
    [key],
  );
  const toggle = useCallback(() => {
    setOpen((previous) => {
      remember(!previous);
      return !previous;
    });
  }, [remember]);
  useEffect(() => {
    const onReveal = (event: Event): void => {
      const id = (event as CustomEvent<string>).detail;
      const target = document.getElementById(id);
      if (id === ownId || (target && body.current?.contains(target))) setOpen(true);
    };
    window.addEventListener(REVEAL_EVENT, onReveal);
    return () => window.removeEventListener(REVEAL_EVENT, onReveal);
  }, [ownId]);
  return { open, toggle, body };
}
