import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a form opened by a button: focus moves to the element (the form's heading) when it
 * appears, so keyboard and screen-reader users start there.
 */
export function useFocusOnOpen<T extends HTMLElement>(): RefObject<T | null> {
  const element = useRef<T>(null);
  useEffect(() => element.current?.focus(), []);
  return element;
}
