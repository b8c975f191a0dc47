import type { Actor } from '../../domain/access/policy.js';
import type { FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { RuleId, Severity } from '../../domain/coordination/rule.js';
import { ruleById } from '../../domain/coordination/rules.js';
import { unitNames } from '../../db/queries/coordination-drilldown.queries.js';
import type { FlagRow } from '../../db/queries/coordination-views.queries.js';
import type { DB } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import type { CitizenAccess } from '../auth/citizen-access.js';
import { planDocument } from '../plan/plan-store.js';
import { flagVisible, hasHiddenCurrent } from '../plan/hidden-details.js';
import { hiddenInterventions } from '../plan/plan.presenter.js';
import type { Flag as FlagView } from '../../domain/coordination/flags.responses.js';

/**
 * The interventions whose details are hidden from the actor ("that, not what"), as the plan
 * overview hides them. A flag's owner who no longer has access to the plan follows the flag up
 * under the same rule as anyone working with the citizen: their own unit's details and what a
 * consent covers, nothing more.
 */
export function hiddenFrom(actor: Actor, { plan, grants, decision }: CitizenAccess): FlagViewer {
  const hidden = new Set(
    hiddenInterventions(plan, actor, decision.allowed ? decision.basis : 'relationship', grants),
  );
  const document = planDocument(plan);
  return { hidden, hiddenCurrent: hasHiddenCurrent(document, hidden) };
}

/** What the hidden-details rule needs to show flags to one viewer. */
export interface FlagViewer {
  hidden: ReadonlySet<string>;
  /** The viewer has a current intervention in this plan they may not see in detail. */
  hiddenCurrent: boolean;
}

/** Whether the viewer may see this flag at all (hidden-details.ts, flagVisible); else it is absent. */
export function isFlagShown(
  row: Pick<FlagRow, 'rule_id' | 'subject_ids' | 'explanation'>,
  viewer: FlagViewer,
): boolean {
  return flagVisible(row, viewer.hidden, viewer.hiddenCurrent);
}

/**
 * A stored flag as the API shows it. "That, not what": when a flag concerns another unit's
 * intervention the viewer may not see the details of, its explanation says only that there is
 * a coordination problem of this kind, not what the intervention is.
 */
export function presentFlag(
  row: FlagRow,
  { hidden }: FlagViewer,
  unitNames: ReadonlyMap<string, string> = new Map(),
): FlagView {
  const rule = ruleById(row.rule_id as RuleId);
  const explanation = (
    typeof row.explanation === 'string' ? JSON.parse(row.explanation) : row.explanation
  ) as FlagView['explanation'];
  const detailsHidden = row.subject_ids.some((id) => hidden.has(id));
  return {
    id: row.id,
    citizenId: row.citizen_id,
    ruleId: rule.id,
    rule: { title: rule.title, description: rule.description },
    severity: row.severity as Severity,
    status: row.status as FlagStatus,
    subjectIds: row.subject_ids,
    unitIds: row.unit_ids,
    sectors: row.sectors,
    explanation: detailsHidden ? thatOnly(rule, row.unit_ids, unitNames) : explanation,
    detailsHidden,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    statusComment: row.status_comment,
    dismissedUntil: row.status === 'dismissed' ? row.dismissed_until : null,
    statusAt: row.status_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/** The explanation without what another unit's intervention is: which units, and the rule's reason. */
function thatOnly(
  rule: ReturnType<typeof ruleById>,
  unitIds: readonly string[],
  unitNames: ReadonlyMap<string, string>,
): FlagView['explanation'] {
  const units = unitIds.map((id) => unitNames.get(id)).filter((name): name is string => Boolean(name));
  const list = (and: string): string => units.join(` ${and} `);
  return {
    da: units.length > 0 ? `${rule.title.da}: ${list('og')}. ${rule.description.da}` : rule.description.da,
    en: units.length > 0 ? `${rule.title.en}: ${list('and')}. ${rule.description.en}` : rule.description.en,
    // Not even the kind of finding: it would say what the hidden intervention lacks.
    data: {},
  };
}

/** The names of the units flags refer to, for explanations that may only say "that". */
export async function unitNamesOf(
  db: Kysely<DB>,
  municipalityId: string,
  rows: readonly FlagRow[],
): Promise<Map<string, string>> {
  return unitNames(
    db,
    municipalityId,
    rows.flatMap((row) => row.unit_ids),
  );
}
