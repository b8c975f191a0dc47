import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** An inline form's open state, and the button that opens it. */
export interface Toggle {
  open: boolean;
  show: () => void;
  hide: () => void;
  trigger: RefObject<HTMLButtonElement | null>;
}

/**
 * Opens and closes an inline form. Closing moves focus back to the button that opened it,
 * so keyboard users continue where they were. The button is rendered again only when the
 * closed state is committed, so focus moves in an effect after that commit (a frame callback
 * could run before it, on a busy machine, and leave focus on the page's body).
 */
export function useToggle(): Toggle {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const returning = useRef(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => {
    returning.current = true;
    setOpen(false);
  }, []);
  useEffect(() => {
    if (open || !returning.current) return;
    returning.current = false;
    trigger.current?.focus();
  }, [open]);
  return { open, show, hide, trigger };
}
