import type { ReactElement, ReactNode } from 'react';

/** A wide table scrolls inside its own region on small screens (focusable, so keyboards can scroll it). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="samspil-management-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
