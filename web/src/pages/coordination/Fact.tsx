import type { ReactElement, ReactNode } from 'react';

/** One label–value pair in a `samspil-facts` list (the grid lays out one group per cell). */
export function Fact({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
