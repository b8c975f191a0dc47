import { useEffect } from 'react';
import { inPageTarget, revealTarget } from './reveal.js';

/**
 * Makes in-page links open what they point into: a contents link to a folded section, a sub-goal's
 * link to an ended intervention under "Afsluttede", and the address's own #fragment on arrival.
 */
export function useRevealOnLink(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const onClick = (event: MouseEvent): void => {
      const id = inPageTarget(event);
      if (id) revealTarget(id);
    };
    const onHash = (): void => {
      if (window.location.hash.length > 1) revealTarget(decodeURIComponent(window.location.hash.slice(1)));
    };
    document.addEventListener('click', onClick);
    window.addEventListener('hashchange', onHash);
    onHash();
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('hashchange', onHash);
    };
  }, [ready]);
}
