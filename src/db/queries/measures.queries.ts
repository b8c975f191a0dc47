import type { Kysely } from 'kysely';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

/** Instruments a municipality has loaded (licensed ones) and responses about its citizens. */

export interface StoredInstrument {
  code: string;
  version: string;
  definition: unknown;
  loadedAt: Date;
}

export async function loadedInstruments(db: Kysely<DB>, municipalityId: string): Promise<StoredInstrument[]> {
  const rows = await db
    .selectFrom('instrument')
    .select(['code', 'version', 'definition', 'loaded_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('code')
    .orderBy('loaded_at')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    version: row.version,
    definition: row.definition,
    loadedAt: row.loaded_at,
  }));
}

/** Stores a loaded instrument version; false when that version is already loaded (versions never change). */
export async function insertInstrument(
  db: Kysely<DB>,
  municipalityId: string,
  instrument: { code: string; version: string },
  definition: unknown,
  loadedBy: string | null,
): Promise<boolean> {
  const result = await db
    .insertInto('instrument')
    .values({
      municipality_id: municipalityId,
      code: instrument.code,
      version: instrument.version,
      definition: JSON.stringify(definition),
      loaded_by: loadedBy,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'code', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface MeasureResponseRow {
  id: string;
  citizenId: string;
  instrumentCode: string;
  instrumentVersion: string;
  respondentKind: string;
  recordedBy: string;
  answeredAt: Date;
  contextKind: string;
  contextId: string | null;
  answers: { linkId: string; code: string }[];
  raw: number | null;
  score: number | null;
  band: string | null;
}

export async function insertMeasureResponse(
  db: Kysely<DB>,
  municipalityId: string,
  response: Omit<MeasureResponseRow, 'id'>,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('measure_response')
    .values({
      municipality_id: municipalityId,
      id,
      citizen_id: response.citizenId,
      instrument_code: response.instrumentCode,
      instrument_version: response.instrumentVersion,
      respondent_kind: response.respondentKind,
      recorded_by: response.recordedBy,
      answered_at: response.answeredAt,
      context_kind: response.contextKind,
      context_id: response.contextId,
      answers: JSON.stringify(response.answers),
      raw: response.raw,
      score: response.score,
      band: response.band,
    })
    .execute();
  return id;
}

/** A citizen's responses, oldest first. */
export async function citizenMeasureResponses(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<MeasureResponseRow[]> {
  const rows = await db
    .selectFrom('measure_response')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    citizenId: row.citizen_id,
    instrumentCode: row.instrument_code,
    instrumentVersion: row.instrument_version,
    respondentKind: row.respondent_kind,
    recordedBy: row.recorded_by,
    answeredAt: row.answered_at,
    contextKind: row.context_kind,
    contextId: row.context_id,
    answers: row.answers as MeasureResponseRow['answers'],
    raw: row.raw,
    score: row.score,
    band: row.band,
  }));
}

/** One recorded GAS level of a sub-goal: its weight then, who scored it and who recorded it. */
export interface GasRecordRow {
  subGoalId: string;
  title: string;
  level: number;
  at: Date;
  /** The sub-goal's weight when the level was recorded. */
  weight: number;
  /** The sub-goal's weight now. */
  currentWeight: number;
  /** Who gave the score; null for follow-ups recorded before it was asked. */
  scorer: string | null;
  recordedBy: string | null;
  /** The recording professional's name and profession; null when not a professional. */
  recorder: { name: string; profession: string } | null;
}

/** A citizen's recorded GAS levels per sub-goal (the plan's follow-ups), oldest first. */
export async function citizenGasRecords(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<GasRecordRow[]> {
  const rows = await db
    .selectFrom('sub_goal_gas_history as h')
    .innerJoin('sub_goal as g', (join) =>
      join.onRef('g.municipality_id', '=', 'h.municipality_id').onRef('g.id', '=', 'h.sub_goal_id'),
    )
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'h.municipality_id').onRef('p.id', '=', 'h.recorded_by'),
    )
    .select([
      'h.sub_goal_id',
      'g.title',
      'h.gas_level',
      'h.recorded_at',
      'h.recorded_by',
      'h.gas_weight',
      'g.gas_weight as current_weight',
      'h.scorer_kind',
      'p.name as recorder_name',
      'p.profession as recorder_profession',
    ])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.citizen_id', '=', citizenId)
    .orderBy('h.recorded_at')
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    subGoalId: row.sub_goal_id,
    title: row.title,
    level: row.gas_level,
    at: row.recorded_at,
    weight: row.gas_weight,
    currentWeight: row.current_weight,
    scorer: row.scorer_kind,
    recordedBy: row.recorded_by,
    recorder:
      row.recorder_name === null
        ? null
        : { name: row.recorder_name, profession: row.recorder_profession ?? '' },
  }));
}

/** Whether a meeting is the citizen's (a response recorded in a meeting's context must name one). */
export async function isCitizenMeeting(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  meetingId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('meeting')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the sub-goal is one of the citizen's (a measure's `sub-goal` context). */
export async function isCitizenSubGoal(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  subGoalId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sub_goal')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', subGoalId)
    .executeTakeFirst();
  return row !== undefined;
}
