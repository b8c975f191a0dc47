import type { ReactElement } from 'react';
import type { Toggle } from '../../hooks/useToggle.js';

interface OpenFormButtonProps {
  toggle: Toggle;
  label: string;
  /** The page's main action (give a consent) rather than one of a section's. */
  primary?: boolean;
}

/** The button that opens an inline form; focus returns to it when the form closes. */
export function OpenFormButton({ toggle, label, primary = false }: OpenFormButtonProps): ReactElement {
  return (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button button-secondary'}
      ref={toggle.trigger}
      onClick={toggle.show}
    >
      {label}
    </button>
  );
}
