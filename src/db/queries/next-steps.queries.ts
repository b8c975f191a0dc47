import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';
import { type FlagRow, flagQuery } from './coordination-views.queries.js';

/** What "Næste skridt" and My day read beside the plan document, for one citizen. */
export interface NextStepRows {
  /** Open and acknowledged flags; the caller keeps those the viewer may be shown. */
  flags: FlagRow[];
  /** Planned meetings that have not begun. */
  meetings: { id: string; kind: string; starts_at: Date }[];
  /** Pending proposals. */
  proposals: { id: string; intervention_id: string; owner_unit_id: string; proposed_by_unit_id: string }[];
  /** Referrals awaiting an answer. */
  referrals: {
    id: string;
    from_unit_id: string;
    from_unit_name: string;
    to_unit_id: string | null;
    to_unit_name: string | null;
    answer_due: string;
  }[];
  /** Re-assessments decided at a follow-up (migration 035) that no later follow-up of the item has answered. */
  reassessments: { id: string; item_kind: string; item_id: string; held_on: string }[];
}

function empty(): NextStepRows {
  return { flags: [], meetings: [], proposals: [], referrals: [], reassessments: [] };
}

/**
 * THE query behind both "Næste skridt" on a plan and My day's per-citizen counts: open flags,
 * coming meetings, pending proposals and referrals awaiting an answer of these citizens, in four
 * reads whatever their number (My day asks for all of a professional's citizens at once).
 */
export async function nextStepRows(
  db: Kysely<DB>,
  municipalityId: string,
  citizenIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, NextStepRows>> {
  const byCitizen = new Map<string, NextStepRows>(citizenIds.map((id) => [id, empty()]));
  if (citizenIds.length === 0) return byCitizen;
  const ids = [...citizenIds];
  const [flags, meetings, proposals, referrals, reassessments] = await Promise.all([
    flagQuery(db, municipalityId)
      .where('f.citizen_id', 'in', ids)
      .where('f.status', 'in', ['open', 'acknowledged'])
      .execute(),
    db
      .selectFrom('meeting')
      .select(['citizen_id', 'id', 'kind', 'starts_at'])
      .where('municipality_id', '=', municipalityId)
      .where('citizen_id', 'in', ids)
      .where('status', '=', 'planned')
      .where('starts_at', '>=', now)
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('proposal')
      .select(['citizen_id', 'id', 'intervention_id', 'owner_unit_id', 'proposed_by_unit_id'])
      .where('municipality_id', '=', municipalityId)
      .where('citizen_id', 'in', ids)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('referral as r')
      .innerJoin('unit as fu', (join) =>
        join.onRef('fu.municipality_id', '=', 'r.municipality_id').onRef('fu.id', '=', 'r.from_unit_id'),
      )
      .leftJoin('unit as tu', (join) =>
        join.onRef('tu.municipality_id', '=', 'r.municipality_id').onRef('tu.id', '=', 'r.to_unit_id'),
      )
      .select([
        'r.citizen_id',
        'r.id',
        'r.from_unit_id',
        'fu.name as from_unit_name',
        'r.to_unit_id',
        'tu.name as to_unit_name',
        sql<string>`to_char(r.answer_due, 'YYYY-MM-DD')`.as('answer_due'),
      ])
      .where('r.municipality_id', '=', municipalityId)
      .where('r.citizen_id', 'in', ids)
      .where('r.status', '=', 'requested')
      .execute(),
    db
      .selectFrom('follow_up as f')
      .select(['f.citizen_id', 'f.id', 'f.item_kind', 'f.item_id', 'f.held_on'])
      .where('f.municipality_id', '=', municipalityId)
      .where('f.citizen_id', 'in', ids)
      .where('f.code', '=', 'reassess')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('follow_up as later')
              .select('later.id')
              .whereRef('later.municipality_id', '=', 'f.municipality_id')
              .whereRef('later.item_id', '=', 'f.item_id')
              .whereRef('later.created_at', '>', 'f.created_at'),
          ),
        ),
      )
      .orderBy('f.held_on')
      .execute(),
  ]);
  const of = (citizenId: string): NextStepRows => {
    const found = byCitizen.get(citizenId);
    if (found) return found;
    const rows = empty();
    byCitizen.set(citizenId, rows);
    return rows;
  };
  for (const row of flags) of(row.citizen_id).flags.push(row);
  for (const { citizen_id, ...row } of meetings) of(citizen_id).meetings.push(row);
  for (const { citizen_id, ...row } of proposals) of(citizen_id).proposals.push(row);
  for (const { citizen_id, ...row } of referrals) of(citizen_id).referrals.push(row);
  for (const { citizen_id, ...row } of reassessments) of(citizen_id).reassessments.push(row);
  return byCitizen;
}
