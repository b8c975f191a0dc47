import type { ReactElement, ReactNode } from 'react';

interface BarCellProps {
  value: number;
  max: number;
  /** The visible figure beside the bar; the bar itself is decoration (aria-hidden). */
  children: ReactNode;
}

/** A number with a small horizontal bar showing its share of the column's largest value. */
export function BarCell({ value, max, children }: BarCellProps): ReactElement {
  const width = max > 0 ? (value / max) * 100 : 0;
  return (
    <span className="samspil-bar-cell">
      <svg
        className="samspil-bar"
        viewBox="0 0 100 12"
        aria-hidden="true"
        focusable="false"
        preserveAspectRatio="none"
      >
        <rect className="samspil-bar-track" x={0} y={0} width={100} height={12} />
        <rect className="samspil-bar-fill" x={0} y={0} width={width} height={12} />
      </svg>
      {children}
    </span>
  );
}
