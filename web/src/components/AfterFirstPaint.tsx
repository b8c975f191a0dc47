import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Renders its children right after the page's first paint, as a transition, so the first
 * screen (the plan's heading, goal and sub-goals) is drawn and usable without waiting for the
 * parts further down. Keyboard and screen-reader users get the same content a moment later.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }): ReactNode {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => startTransition(() => setReady(true)));
    return () => window.cancelAnimationFrame(frame);
  }, []);
  return ready ? children : null;
}
