import type { ReactElement, ReactNode } from 'react';
import { useDisclosure } from './useDisclosure.js';

interface PlanSectionProps {
  /** The heading's id: the in-page anchor, and the key its open state is remembered by. */
  headingId: string;
  title: ReactNode;
  /** Buttons beside the heading ("Tilføj …"); shown while the section is open. */
  actions?: ReactNode;
  /** The section's own id, where links point at the section rather than its heading. */
  id?: string;
  className?: string;
  defaultOpen?: boolean;
  /** Shown beside the title while folded, so a folded section still says what it holds. */
  summary?: ReactNode;
  children: ReactNode;
}

/**
 * One part of the plan that folds (the DKFDS accordion pattern: the heading is a button with
 * aria-expanded, the content a region it controls). Folded content stays in the page, hidden,
 * so forms keep their state, links into it open it, and print shows everything.
 */
export function PlanSection({
  headingId,
  title,
  actions,
  id,
  className,
  defaultOpen = true,
  summary,
  children,
}: PlanSectionProps): ReactElement {
  const { open, toggle, body } = useDisclosure(headingId, defaultOpen, headingId);
  const bodyId = `${headingId}-body`;
  return (
    <section
      aria-labelledby={headingId}
      id={id}
      className={['samspil-plan-section', open ? 'is-open' : 'is-folded', className]
        .filter(Boolean)
        .join(' ')}
    >
      <div className="samspil-section-heading">
        <h2 id={headingId} className="samspil-section-title">
          <button
            type="button"
            className="accordion-button samspil-section-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={toggle}
          >
            <span className="accordion-title">{title}</span>
            {!open && summary ? <span className="samspil-section-summary">{summary}</span> : null}
          </button>
        </h2>
        {open && actions ? <div className="samspil-section-actions">{actions}</div> : null}
      </div>
      <div
        id={bodyId}
        ref={body}
        className={open ? 'samspil-section-body' : 'samspil-section-body is-folded'}
      >
        {children}
      </div>
    </section>
  );
}
