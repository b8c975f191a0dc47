import { type Kysely, sql, type Transaction } from 'kysely';
import type { QualityAnswer, QualityRound } from '../../domain/measures/quality-indicators.js';
import { RC_DIMENSIONS, type RcAnswer } from '../../domain/measures/relational-coordination.js';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

/** Collaboration (relational coordination) and quality-indicator surveys, and their anonymous answers. */

export interface SurveyScope {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  project: string | null;
  createdAt: Date;
}

export interface CollaborationSurvey extends SurveyScope {
  groups: string[];
}

export interface QualitySurvey extends SurveyScope {
  items: { code: string; text: string }[];
}

/** Inserting in chunks keeps each statement's parameters well under PostgreSQL's limit. */
const CHUNK = 2000;

export async function insertCollaborationSurvey(
  db: Kysely<DB>,
  municipalityId: string,
  survey: { title: string; groups: string[]; unitId: string; project: string | null; createdBy: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('collaboration_survey')
    .values({
      municipality_id: municipalityId,
      id,
      title: survey.title,
      groups: survey.groups,
      unit_id: survey.unitId,
      project: survey.project,
      created_by: survey.createdBy,
    })
    .execute();
  return id;
}

const scopeOf = (row: {
  id: string;
  title: string;
  unit_id: string;
  unit_name: string;
  project: string | null;
  created_at: Date;
}): SurveyScope => ({
  id: row.id,
  title: row.title,
  unitId: row.unit_id,
  unitName: row.unit_name,
  project: row.project,
  createdAt: row.created_at,
});

export async function collaborationSurveys(
  db: Kysely<DB>,
  municipalityId: string,
  filter: { id?: string; unitId?: string } = {},
): Promise<CollaborationSurvey[]> {
  let query = db
    .selectFrom('collaboration_survey as s')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.id', '=', 's.unit_id'),
    )
    .where('s.municipality_id', '=', municipalityId)
    .select(['s.id', 's.title', 's.unit_id', 'u.name as unit_name', 's.project', 's.created_at', 's.groups'])
    .orderBy('s.created_at');
  if (filter.id) query = query.where('s.id', '=', filter.id);
  if (filter.unitId) query = query.where('s.unit_id', '=', filter.unitId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...scopeOf(row), groups: row.groups }));
}

/** The time a UUID v7 was made, from its first 48 bits. */
const v7Time = (id: string): number => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

/**
 * The rounds with answers or invitation links, in the order they began: a round's first import
 * (its imported answers' ids are UUID v7, which sort by time) or its first links issued,
 * whichever came first. Link answers carry no time at all, so they do not order anything.
 */
export async function collaborationRounds(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
): Promise<{ round: string; respondents: number }[]> {
  const answered = await db
    .selectFrom('collaboration_response')
    // PostgreSQL has no min() of uuid, so of its text; only imported rows have time-ordered ids.
    .select((eb) => [
      'round',
      sql<string | null>`min(id::text) filter (where source = 'import')`.as('first'),
      eb.fn.count<string>('respondent').distinct().as('respondents'),
    ])
    .where('municipality_id', '=', municipalityId)
    .where('survey_id', '=', surveyId)
    .groupBy('round')
    .execute();
  const invited = await db
    .selectFrom('survey_invitation_count')
    .select((eb) => ['round', eb.fn.min('first_issued_at').as('first')])
    .where('municipality_id', '=', municipalityId)
    .where('survey_id', '=', surveyId)
    .groupBy('round')
    .execute();
  const rounds = new Map<string, { began: number; respondents: number }>();
  for (const row of answered)
    rounds.set(row.round, {
      began: row.first ? v7Time(row.first) : Number.POSITIVE_INFINITY,
      respondents: Number(row.respondents),
    });
  for (const row of invited) {
    const issued = new Date(row.first as Date | string).getTime();
    const known = rounds.get(row.round);
    rounds.set(row.round, {
      began: Math.min(known?.began ?? Number.POSITIVE_INFINITY, issued),
      respondents: known?.respondents ?? 0,
    });
  }
  return [...rounds.entries()]
    .sort(([a, x], [b, y]) => x.began - y.began || a.localeCompare(b))
    .map(([round, { respondents }]) => ({ round, respondents }));
}

interface RoundKey {
  municipalityId: string;
  surveyId: string;
  round: string;
}

/**
 * Replaces a round's answers in one transaction (an import is all or nothing): the old answers
 * go, then `insert` stores the new in chunks. Either kind of survey.
 */
async function replaceRound<A>(
  db: Kysely<DB>,
  table: 'collaboration_response' | 'quality_response',
  key: RoundKey,
  answers: readonly A[],
  insert: (trx: Transaction<DB>, chunk: readonly A[]) => Promise<unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let old = trx
      .deleteFrom(table)
      .where('municipality_id', '=', key.municipalityId)
      .where('survey_id', '=', key.surveyId)
      .where('round', '=', key.round);
    // An import replaces the imported answers only, never those given through invitation links.
    if (table === 'collaboration_response') old = old.where(sql.ref('source'), '=', 'import');
    await old.execute();
    for (let start = 0; start < answers.length; start += CHUNK)
      await insert(trx, answers.slice(start, start + CHUNK));
  });
}

/** The columns every answer row starts with: which round of which survey, and its own id. */
const answerRow = (key: RoundKey) => ({
  municipality_id: key.municipalityId,
  id: newId(),
  survey_id: key.surveyId,
  round: key.round,
});

/** Replaces a round's answers with these, in one transaction (an import is all or nothing). */
export async function replaceCollaborationRound(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
  round: string,
  answers: readonly RcAnswer[],
): Promise<void> {
  const key = { municipalityId, surveyId, round };
  await replaceRound(db, 'collaboration_response', key, answers, (trx, chunk) =>
    trx
      .insertInto('collaboration_response')
      .values(
        chunk.map(({ respondent, group, aboutGroup, ...scores }) => ({
          ...answerRow(key),
          respondent,
          group_name: group,
          about_group: aboutGroup,
          ...scores,
        })),
      )
      .execute(),
  );
}

export async function collaborationAnswers(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
  round: string,
): Promise<RcAnswer[]> {
  const rows = await db
    .selectFrom('collaboration_response')
    .select(['respondent', 'group_name', 'about_group', ...RC_DIMENSIONS.map((dimension) => dimension.key)])
    .where('municipality_id', '=', municipalityId)
    .where('survey_id', '=', surveyId)
    .where('round', '=', round)
    .execute();
  return rows.map(({ group_name, about_group, ...rest }) => ({
    ...rest,
    group: group_name,
    aboutGroup: about_group,
  }));
}

export async function insertQualitySurvey(
  db: Kysely<DB>,
  municipalityId: string,
  survey: {
    title: string;
    items: { code: string; text: string }[];
    unitId: string;
    project: string | null;
    createdBy: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('quality_survey')
    .values({
      municipality_id: municipalityId,
      id,
      title: survey.title,
      items: JSON.stringify(survey.items),
      unit_id: survey.unitId,
      project: survey.project,
      created_by: survey.createdBy,
    })
    .execute();
  return id;
}

export async function qualitySurveys(
  db: Kysely<DB>,
  municipalityId: string,
  filter: { id?: string; unitId?: string } = {},
): Promise<QualitySurvey[]> {
  let query = db
    .selectFrom('quality_survey as s')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.id', '=', 's.unit_id'),
    )
    .where('s.municipality_id', '=', municipalityId)
    .select(['s.id', 's.title', 's.unit_id', 'u.name as unit_name', 's.project', 's.created_at', 's.items'])
    .orderBy('s.created_at');
  if (filter.id) query = query.where('s.id', '=', filter.id);
  if (filter.unitId) query = query.where('s.unit_id', '=', filter.unitId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...scopeOf(row), items: row.items as QualitySurvey['items'] }));
}

/** Replaces a round's answers with these, in one transaction (an import is all or nothing). */
export async function replaceQualityRound(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
  round: QualityRound,
  answers: readonly QualityAnswer[],
): Promise<void> {
  const key = { municipalityId, surveyId, round };
  await replaceRound(db, 'quality_response', key, answers, (trx, chunk) =>
    trx
      .insertInto('quality_response')
      .values(
        chunk.map((answer) => ({
          ...answerRow(key),
          respondent: answer.respondent,
          item_code: answer.item,
          score: answer.score,
        })),
      )
      .execute(),
  );
}

export async function qualityAnswers(
  db: Kysely<DB>,
  municipalityId: string,
  surveyId: string,
): Promise<Record<QualityRound, QualityAnswer[]>> {
  const rows = await db
    .selectFrom('quality_response')
    .select(['round', 'respondent', 'item_code', 'score'])
    .where('municipality_id', '=', municipalityId)
    .where('survey_id', '=', surveyId)
    .execute();
  const rounds: Record<QualityRound, QualityAnswer[]> = { baseline: [], end: [] };
  for (const row of rows)
    rounds[row.round as QualityRound].push({
      respondent: row.respondent,
      item: row.item_code,
      score: row.score,
    });
  return rounds;
}
