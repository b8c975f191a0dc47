import type { ReactElement, ReactNode } from 'react';

interface ResultsTableProps {
  /** The table's name: its hidden caption and its scroll region's label. */
  caption: string;
  className: string;
  columns: string[];
  /** Whether a column holds figures (right-aligned). */
  numeric: (index: number) => boolean;
  /** The table's tbody (and tfoot). */
  children: ReactNode;
}

/** A survey's results as a table that scrolls sideways in its own region on a small screen. */
export function ResultsTable({
  caption,
  className,
  columns,
  numeric,
  children,
}: ResultsTableProps): ReactElement {
  return (
    <section
      className="samspil-table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-label={caption}
    >
      <table className={`table table--zebra ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={numeric(index) ? 'samspil-numeric' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </section>
  );
}
