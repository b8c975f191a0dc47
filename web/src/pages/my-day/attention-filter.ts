import type { AttentionItem } from '../../api/workspace.js';
import { type FlagCount, severityRank } from './attention-rank.js';

export const ATTENTION_KINDS = [
  'followUpsOverdue',
  'followUpsDueSoon',
  'changedSinceLastVisit',
  'noActiveIntervention',
  'subGoalsPastDate',
  'gaps',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The columns My day sorts by; "attention" is the severity-first rank. */
export const SORTS = [
  'attention',
  'name',
  'nextFollowUp',
  'relation',
  'activeInterventions',
  'updatedAt',
] as const;
export type SortKey = (typeof SORTS)[number];
export type SortDirection = 'ascending' | 'descending';

/** The direction a column sorts in when first chosen: most first for counts and ranks, A–Å for names. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  attention: 'descending',
  name: 'ascending',
  nextFollowUp: 'ascending',
  relation: 'ascending',
  activeInterventions: 'descending',
  updatedAt: 'descending',
};

/** The relation closest to the citizen first. */
const RELATION_ORDER = ['coordinator', 'team_member', 'intervention_responsible', 'unit'];

/** Whether the item has this kind of attention at all. */
export function hasAttention(item: AttentionItem, kind: AttentionKind): boolean {
  const value = item.attention[kind];
  return typeof value === 'boolean' ? value : value > 0;
}

/**
 * The items that match the name search and have every chosen kind of attention, in the chosen
 * order (ties by name). The default order ranks severity first, counting coordination flags.
 */
export function filterAndSort(
  items: readonly AttentionItem[],
  options: {
    q: string;
    kinds: readonly AttentionKind[];
    sort: SortKey;
    direction?: SortDirection;
    flags?: ReadonlyMap<string, FlagCount>;
  },
): AttentionItem[] {
  const q = options.q.trim().toLocaleLowerCase('da');
  const matching = items.filter(
    (item) =>
      (q === '' || `${item.givenName} ${item.familyName}`.toLocaleLowerCase('da').includes(q)) &&
      options.kinds.every((kind) => hasAttention(item, kind)),
  );
  const byName = (a: AttentionItem, b: AttentionItem): number =>
    a.familyName.localeCompare(b.familyName, 'da') || a.givenName.localeCompare(b.givenName, 'da');
  const sign = (options.direction ?? DEFAULT_DIRECTION[options.sort]) === 'ascending' ? 1 : -1;
  const rank = (item: AttentionItem): number => severityRank(item, options.flags?.get(item.id));
  const compare: Record<SortKey, (a: AttentionItem, b: AttentionItem) => number> = {
    attention: (a, b) => rank(a) - rank(b),
    name: byName,
    // Citizens without a coming follow-up go last either way.
    nextFollowUp: (a, b) => {
      const left = a.attention.nextFollowUp;
      const right = b.attention.nextFollowUp;
      if (left === right) return 0;
      if (left === null) return sign;
      if (right === null) return -sign;
      return left.localeCompare(right);
    },
    relation: (a, b) => RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation),
    activeInterventions: (a, b) => a.activeInterventions - b.activeInterventions,
    updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
  };
  return matching.sort((a, b) => sign * compare[options.sort](a, b) || byName(a, b));
}
