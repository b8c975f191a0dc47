import { useEffect } from 'react';

/**
 * Printing opens every closed <details> in the plan (the timeline's table, a flag's history), since
 * CSS cannot show a closed one's content, and closes them again afterwards. Folded sections need no
 * help: print CSS shows their hidden bodies.
 */
export function usePrintOpensDetails(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = (): void => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.samspil-plan details:not([open])')];
      for (const details of opened) details.open = true;
    };
    const after = (): void => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
