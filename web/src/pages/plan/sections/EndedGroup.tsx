import type { ReactElement, ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from './useDisclosure.js';

/**
 * Ended interventions or sub-goals, folded under "Afsluttede (n)": they stay part of the plan's
 * story, one click away, without standing among what is going on now.
 */
export function EndedGroup({ count, children }: { count: number; children: ReactNode }): ReactElement | null {
  const { t } = useTranslation();
  const { open, toggle, body } = useDisclosure(null, false);
  const bodyId = useId();
  if (count === 0) return null;
  return (
    <div className={`samspil-ended-group${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="button button-tertiary samspil-ended-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={toggle}
      >
        {t('plan.ended.toggle', { count })}
      </button>
      <div
        id={bodyId}
        ref={body}
        className={open ? 'samspil-section-body' : 'samspil-section-body is-folded'}
      >
        {children}
      </div>
    </div>
  );
}
