import type { AttentionItem } from '../../api/types.js';

export const ATTENTION_KINDS = [
  'followUpsOverdue',
  'followUpsDueSoon',
  'changedSinceLastVisit',
  'noActiveIntervention',
  'subGoalsPastDate',
  'gaps',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const SORTS = ['attention', 'name', 'nextFollowUp', 'updatedAt'] as const;
export type SortKey = (typeof SORTS)[number];

/** Whether the item has this kind of attention at all. */
export function hasAttention(item: AttentionItem, kind: AttentionKind): boolean {
  const value = item.attention[kind];
  return typeof value === 'boolean' ? value : value > 0;
}

/**
 * The items that match the name search and have every chosen kind of attention, in the chosen
 * order. The server already sends them most-attention first; the other orders are kept stable.
 */
export function filterAndSort(
  items: readonly AttentionItem[],
  options: { q: string; kinds: readonly AttentionKind[]; sort: SortKey },
): AttentionItem[] {
  const q = options.q.trim().toLocaleLowerCase('da');
  const matching = items.filter(
    (item) =>
      (q === '' || `${item.givenName} ${item.familyName}`.toLocaleLowerCase('da').includes(q)) &&
      options.kinds.every((kind) => hasAttention(item, kind)),
  );
  const byName = (a: AttentionItem, b: AttentionItem): number =>
    a.familyName.localeCompare(b.familyName, 'da') || a.givenName.localeCompare(b.givenName, 'da');
  switch (options.sort) {
    case 'name':
      return matching.sort(byName);
    case 'nextFollowUp':
      // Citizens without a coming follow-up go last.
      return matching.sort(
        (a, b) =>
          (a.attention.nextFollowUp ?? '9999').localeCompare(b.attention.nextFollowUp ?? '9999') ||
          byName(a, b),
      );
    case 'updatedAt':
      return matching.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b));
    default:
      return matching.sort((a, b) => b.score - a.score || byName(a, b));
  }
}
