import type { ReactElement, ReactNode } from 'react';

/** One label–value pair in a `samspil-facts` list (the grid lays out one group per cell). */
export function Fact({
  label,
  wide = false,
  children,
}: {
  label: string;
  /** Spans two cells from 768 px, for a value that is a list. */
  wide?: boolean;
  children: ReactNode;
}): ReactElement {
  return (
    <div className={wide ? 'samspil-facts-wide-md' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
