import { agreementRows, interventionOwners, unitNames } from '../../db/queries/network-meetings.queries.js';
import type { MeetingView } from '../../domain/meetings/meeting.schemas.js';
import type { AgreementKind } from '../../domain/meetings/network-meeting.schemas.js';
import type { AppContext } from '../context.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Executor = AppContext['database']['db'] | Transaction<DB>;
type AgreementView = MeetingView['agreements'][number];

/**
 * The agreements of meetings as the meeting view shows them, each with the unit that owns the
 * intervention it changes or adds: the organiser sees before writing which become proposals.
 * Shown only with the meeting's other details (the caller decides).
 */
export async function agreementsOf(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  meetingIds: readonly string[],
): Promise<Map<string, AgreementView[]>> {
  const rows = await agreementRows(db, municipalityId, meetingIds);
  const byMeeting = new Map<string, AgreementView[]>();
  if (rows.length === 0) return byMeeting;
  const changeOf = (row: (typeof rows)[number]) =>
    (typeof row.change === 'string' ? JSON.parse(row.change) : row.change) as Record<string, unknown>;
  const interventionIds = rows
    .filter((row) => row.kind === 'change_intervention' || row.kind === 'follow_up')
    .flatMap((row) => (row.target_id ? [row.target_id] : []));
  const owners = await interventionOwners(db, municipalityId, citizenId, interventionIds);
  const newUnitIds = rows
    .filter((row) => row.kind === 'new_intervention')
    .map((row) => String((changeOf(row).intervention as { unitId?: string } | undefined)?.unitId ?? ''))
    .filter(Boolean);
  const names = await unitNames(db, municipalityId, newUnitIds);
  for (const row of rows) {
    let ownerUnit: AgreementView['ownerUnit'] = null;
    if (row.kind === 'new_intervention') {
      const unitId = (changeOf(row).intervention as { unitId?: string } | undefined)?.unitId;
      if (unitId) ownerUnit = { id: unitId, name: names.get(unitId) ?? '' };
    } else if (row.target_id && owners.has(row.target_id)) {
      const owner = owners.get(row.target_id);
      if (owner) ownerUnit = { id: owner.unitId, name: owner.unitName };
    }
    const list = byMeeting.get(row.meeting_id) ?? [];
    list.push({
      id: row.id,
      kind: row.kind as AgreementKind,
      text: row.text,
      targetId: row.target_id,
      ownerUnit,
      outcome: row.outcome as AgreementView['outcome'],
      entityId: row.entity_id,
      proposalId: row.proposal_id,
    });
    byMeeting.set(row.meeting_id, list);
  }
  return byMeeting;
}
