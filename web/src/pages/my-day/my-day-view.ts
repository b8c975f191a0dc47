import {
  ATTENTION_KINDS,
  type AttentionKind,
  DEFAULT_DIRECTION,
  SORTS,
  type SortDirection,
  type SortKey,
} from './attention-filter.js';

/** What My day shows: the chosen filters, the name search and the order, all kept in the address. */
export interface MyDayView {
  kinds: AttentionKind[];
  q: string;
  sort: SortKey;
  direction: SortDirection;
}

const DIRECTION_WORDS: Record<SortDirection, string> = { ascending: 'stigende', descending: 'faldende' };

/** The direction the address asks for, or the sort's own default. */
function directionOf(word: string | null, sort: SortKey): SortDirection {
  if (word === DIRECTION_WORDS.ascending) return 'ascending';
  if (word === DIRECTION_WORDS.descending) return 'descending';
  return DEFAULT_DIRECTION[sort];
}

/** The view the address holds (`vis`, `q`, `sorter`, `retning`); anything unknown falls back to the default. */
export function viewFrom(params: URLSearchParams): MyDayView {
  const chosen = (params.get('vis') ?? '').split(',');
  const sortValue = params.get('sorter') ?? '';
  const sort = (SORTS as readonly string[]).includes(sortValue) ? (sortValue as SortKey) : 'attention';
  const directionWord = params.get('retning');
  const direction = directionOf(directionWord, sort);
  const q = params.get('q') ?? '';
  return {
    kinds: ATTENTION_KINDS.filter((kind) => chosen.includes(kind)),
    // A name has no digits; digits are most likely a CPR number, which never belongs in an address.
    q: /\d/.test(q) ? '' : q,
    sort,
    direction,
  };
}

/** The address for a view: defaults are left out, so the plain page has a plain address. */
export function paramsFor(view: MyDayView, previous: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(previous);
  const set = (key: string, value: string | null): void => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('vis', view.kinds.length > 0 ? view.kinds.join(',') : null);
  set('q', view.q.trim() && !/\d/.test(view.q) ? view.q.trim() : null);
  set('sorter', view.sort !== 'attention' ? view.sort : null);
  set('retning', view.direction !== DEFAULT_DIRECTION[view.sort] ? DIRECTION_WORDS[view.direction] : null);
  return next;
}

/** The view after a click on a column header: the same column turns around, a new one starts in its own direction. */
export function sortedBy(view: MyDayView, key: SortKey): MyDayView {
  if (view.sort === key)
    return { ...view, direction: view.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...view, sort: key, direction: DEFAULT_DIRECTION[key] };
}
