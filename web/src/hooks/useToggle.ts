import { type RefObject, useCallback, useRef, useState } from 'react';

/** An inline form's open state, and the button that opens it. */
export interface Toggle {
  open: boolean;
  show: () => void;
  hide: () => void;
  trigger: RefObject<HTMLButtonElement | null>;
}

/**
 * Opens and closes an inline form. Closing moves focus back to the button that opened it,
 * so keyboard users continue where they were.
 */
export function useToggle(): Toggle {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => {
    setOpen(false);
    // The trigger is rendered again after the form closes; focus it on the next frame.
    window.requestAnimationFrame(() => trigger.current?.focus());
  }, []);
  return { open, show, hide, trigger };
}
