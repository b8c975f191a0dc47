/**
 * Opening a folded part of the plan when something inside it is linked to: a contents link, a
 * sub-goal's link to its intervention, a flag's link to what it is about. One event, which every
 * folded part listens to and answers if it holds the target.
 */
export const REVEAL_EVENT = 'samspil:reveal';

/** Asks every folded part that holds the element with this id to open, then scrolls to it. */
export function revealTarget(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  window.dispatchEvent(new CustomEvent<string>(REVEAL_EVENT, { detail: id }));
  // The parts open on the next render; scroll once the target has a place on the page.
  window.requestAnimationFrame(() =>
    window.requestAnimationFrame(() => {
      target.scrollIntoView({ block: 'start' });
      if (target.tabIndex >= 0 || target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
    }),
  );
}

/** The id an in-page link points to, or null for any other click. */
export function inPageTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return null;
  const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
  const href = link?.getAttribute('href');
  return href && href.length > 1 ? decodeURIComponent(href.slice(1)) : null;
}
