import spriteUrl from 'dkfds-dist/img/all-svg-icons.svg?url';
import type { ReactElement } from 'react';

export type IconName =
  | 'arrow-back'
  | 'chevron-left'
  | 'chevron-right'
  | 'close'
  | 'download'
  | 'email'
  | 'error'
  | 'flag'
  | 'info'
  | 'language'
  | 'menu'
  | 'person'
  | 'print'
  | 'persons'
  | 'search'
  | 'smartphone'
  | 'sort-table-ascending'
  | 'sort-table-descending'
  | 'sort-table-none'
  | 'success'
  | 'warning';

/** A DKFDS icon from the shared sprite. Decorative: the text next to it carries the meaning. */
export function Icon({ name, className }: { name: IconName; className?: string }): ReactElement {
  return (
    <svg className={className ? `icon-svg ${className}` : 'icon-svg'} focusable="false" aria-hidden="true">
      <use href={`${spriteUrl}#${name}`} />
    </svg>
  );
}
