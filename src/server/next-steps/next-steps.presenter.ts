import type { NextStepFacts } from '../../domain/plan/next-steps.js';
import type { NextStepRows } from '../../db/queries/next-steps.queries.js';
import { type FlagViewer, isFlagShown, presentFlag } from '../coordination/flag-presenter.js';

/**
 * The rows of the next-steps query as the viewer may see them: only the flags the hidden-details
 * rule shows them, with the explanation it allows ("that, not what"); meetings by kind and time,
 * not their purpose; proposals and referrals by id and units, not what they propose or ask.
 */
export function nextStepFactsFor(
  rows: NextStepRows,
  viewer: FlagViewer,
  unitNames: ReadonlyMap<string, string> = new Map(),
): NextStepFacts {
  return {
    flags: rows.flags
      .filter((row) => isFlagShown(row, viewer))
      .map((row) => {
        const flag = presentFlag(row, viewer, unitNames);
        return {
          id: flag.id,
          severity: flag.severity,
          status: flag.status === 'acknowledged' ? 'acknowledged' : 'open',
          title: flag.rule.title,
          explanation: { da: flag.explanation.da, en: flag.explanation.en },
          createdAt: flag.createdAt,
        };
      }),
    meetings: rows.meetings.map((row) => ({
      id: row.id,
      kind: row.kind,
      startsAt: row.starts_at.toISOString(),
    })),
    proposals: rows.proposals.map((row) => ({
      id: row.id,
      interventionId: row.intervention_id,
      ownerUnitId: row.owner_unit_id,
      proposedByUnitId: row.proposed_by_unit_id,
    })),
    referrals: rows.referrals.map((row) => ({
      id: row.id,
      fromUnitId: row.from_unit_id,
      fromUnitName: row.from_unit_name,
      toUnitId: row.to_unit_id,
      toUnitName: row.to_unit_name,
      answerDue: row.answer_due,
    })),
    reassessments: rows.reassessments.map((row) => ({
      followUpId: row.id,
      itemKind: row.item_kind as 'intervention' | 'sub_goal',
      itemId: row.item_id,
      heldOn: row.held_on,
    })),
  };
}
