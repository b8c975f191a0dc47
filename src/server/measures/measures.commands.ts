import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type Actor,
  decideMeasureRead,
  decideMeasureRecord,
  type MeasureRespondent,
} from '../../domain/access/policy.js';
import { BUILTIN_INSTRUMENTS, builtinInstrument } from '../../domain/measures/builtin-instruments.js';
import { gasTimeline } from '../../domain/measures/gas.js';
import { type Instrument, instrumentSchema, scoreAnswers } from '../../domain/measures/instrument.js';
import { parseResponseCsv } from '../../domain/measures/response-csv.js';
import {
  citizenGasRecords,
  citizenMeasureResponses,
  insertInstrument,
  insertMeasureResponse,
  isCitizenMeeting,
  isCitizenSubGoal,
  loadedInstruments,
  type MeasureResponseRow,
} from '../../db/queries/measures.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen, requireAllowed } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { type Problem, problems } from '../problem.js';
import { importRefused } from '../surveys/surveys.commands.js';
import { presentCitizenMeasures, presentMeasureResponse } from './measures.presenter.js';
import type { measureRecordBody } from './measures.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** Every instrument a municipality can use: the shipped ones and the licensed ones it loaded. */
export async function instrumentsOf(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<{ source: 'builtin' | 'loaded'; definition: Instrument }[]> {
  const loaded = await loadedInstruments(db, municipalityId);
  return [
    ...BUILTIN_INSTRUMENTS.map((definition) => ({ source: 'builtin' as const, definition })),
    // Stored definitions were validated when loaded; parsing again fills defaults the same way.
    ...loaded.map((row) => ({
      source: 'loaded' as const,
      definition: instrumentSchema.parse(row.definition),
    })),
  ];
}

/** The instrument a response answers: the given version, or the newest loaded (or the shipped one). */
async function instrumentFor(
  db: Kysely<DB>,
  municipalityId: string,
  code: string,
  version: string | undefined,
  field = '',
): Promise<Instrument> {
  const candidates = (await instrumentsOf(db, municipalityId))
    .map((entry) => entry.definition)
    .filter((instrument) => instrument.code === code);
  const instrument = version ? candidates.find((c) => c.version === version) : candidates.at(-1);
  if (!instrument) {
    throw problems.badRequest(
      `${field}instrument: there is no ${code}${version ? ` version ${version}` : ''} here`,
      [{ field: `${field}${version ? 'version' : 'instrument'}`, message: 'no such instrument' }],
    );
  }
  return instrument;
}

export type LoadResult =
  | { loaded: true; code: string; version: string }
  | { loaded: false; problem: Problem };

/**
 * Loads a licensed instrument from its JSON definition (the CLI's and the API's one way):
 * validated; a shipped instrument's code is not taken over; a loaded version never changes.
 */
export async function loadInstrument(
  db: Kysely<DB>,
  municipalityId: string,
  json: unknown,
  loadedBy: string | null,
): Promise<LoadResult> {
  const parsed = instrumentSchema.safeParse(json);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.') || 'body',
      message: issue.message,
    }));
    return {
      loaded: false,
      problem: problems.badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors),
    };
  }
  const instrument = parsed.data;
  if (builtinInstrument(instrument.code)) {
    return {
      loaded: false,
      problem: problems.conflict(
        `${instrument.code} is shipped with Samspil; give your instrument its own code.`,
      ),
    };
  }
  const inserted = await insertInstrument(db, municipalityId, instrument, instrument, loadedBy);
  if (!inserted) {
    return {
      loaded: false,
      problem: problems.conflict(
        `${instrument.code} version ${instrument.version} is already loaded; a version never changes, so load a new version.`,
      ),
    };
  }
  return { loaded: true, code: instrument.code, version: instrument.version };
}

/** Records one answered questionnaire about a citizen, scored by the one evaluator; audited. */
export async function recordMeasure(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  body: z.infer<typeof measureRecordBody>,
  now: () => Date = context.clock,
) {
  await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'create', resource: 'measure' },
    (a, access) => decideMeasureRecord(a, access, body.respondent),
  );
  const db = context.database.db;
  const contextId = body.context.id ?? null;
  if (
    body.context.kind === 'meeting' &&
    (contextId === null || !(await isCitizenMeeting(db, actor.municipalityId, citizenId, contextId)))
  ) {
    throw problems.badRequest("context.id: must be one of the citizen's meetings", [
      { field: 'context.id', message: "must be one of the citizen's meetings" },
    ]);
  }
  if (
    body.context.kind === 'sub-goal' &&
    (contextId === null || !(await isCitizenSubGoal(db, actor.municipalityId, citizenId, contextId)))
  ) {
    throw problems.badRequest("context.id: must be one of the citizen's sub-goals", [
      { field: 'context.id', message: "must be one of the citizen's sub-goals" },
    ]);
  }
  const row = await scoredMeasure(db, actor, citizenId, body, now());
  // The response and its audit record commit together, or neither does.
  const id = await db.transaction().execute(async (trx) => {
    return storeMeasure(trx, request, actor, row);
  });
  return presentMeasureResponse({ id, ...row });
}

/** A measure about to be stored: the measure_response row, scored. */
export type ScoredMeasure = Omit<MeasureResponseRow, 'id'>;

/**
 * Checks and scores one answered questionnaire (the instrument and version exist, the
 * respondent may answer it, the answers are the instrument's, it was not answered in the
 * future) with the one evaluator: the row to store. `field` prefixes the fields a problem names
 * (a follow-up's `measures.0.`). `db` may be the caller's transaction.
 */
export async function scoredMeasure(
  db: Kysely<DB>,
  actor: Actor,
  citizenId: string,
  body: {
    instrument: string;
    version?: string | undefined;
    respondent: MeasureRespondent;
    answers: Record<string, string>;
    answeredAt?: string | undefined;
    context: { kind: ScoredMeasure['contextKind']; id?: string | null | undefined };
  },
  moment: Date,
  field = '',
): Promise<ScoredMeasure> {
  const instrument = await instrumentFor(db, actor.municipalityId, body.instrument, body.version, field);
  if (!instrument.respondents.includes(body.respondent)) {
    throw problems.badRequest(
      `${field}respondent: ${instrument.code} is answered by ${instrument.respondents.join(', ')}`,
      [{ field: `${field}respondent`, message: `must be one of ${instrument.respondents.join(', ')}` }],
    );
  }
  const scored = scoreAnswers(instrument, body.answers);
  if (!scored.ok) {
    const errors = scored.problems.map((p) => ({ field: `${field}answers.${p.linkId}`, message: p.message }));
    throw problems.badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  const answeredAt = body.answeredAt ? new Date(body.answeredAt) : moment;
  if (answeredAt.getTime() > moment.getTime() + 60_000) {
    throw problems.badRequest(`${field}answeredAt: must not be in the future`, [
      { field: `${field}answeredAt`, message: 'must not be in the future' },
    ]);
  }
  return {
    citizenId,
    instrumentCode: instrument.code,
    instrumentVersion: instrument.version,
    respondentKind: body.respondent,
    recordedBy: actor.kind === 'citizen' && actor.delegate ? actor.delegate.delegationId : actor.id,
    answeredAt,
    contextKind: body.context.kind,
    contextId: body.context.id ?? null,
    answers: scored.value.items.map((item) => ({ linkId: item.linkId, code: item.code })),
    raw: scored.value.raw,
    score: scored.value.score,
    band: scored.value.band,
  };
}

/** Stores a scored measure and its audit record in the caller's transaction; its id. */
export async function storeMeasure(
  trx: Transaction<DB>,
  request: FastifyRequest,
  actor: Actor,
  row: ScoredMeasure,
): Promise<string> {
  const id = await insertMeasureResponse(trx, actor.municipalityId, row);
  await auditInTransaction(trx, {
    actor,
    citizenId: row.citizenId,
    action: 'create',
    resource: 'measure',
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { responseId: id, instrument: row.instrumentCode, version: row.instrumentVersion },
  });
  return id;
}

/** A citizen's measures: the questionnaire responses and the GAS T-score over time; audited. */
export async function readCitizenMeasures(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
) {
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'read', resource: 'measures' },
    decideMeasureRead,
  );
  const db = context.database.db;
  const [responses, gas] = await Promise.all([
    citizenMeasureResponses(db, actor.municipalityId, citizenId),
    citizenGasRecords(db, actor.municipalityId, citizenId),
  ]);
  await context.audit.record({
    actor,
    citizenId,
    action: 'read',
    resource: 'measures',
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { basis: granted.basis, responses: responses.length },
  });
  // Every follow-up is scored with the sub-goals' weights of now, so the baseline and the latest
  // T-score compare like with like; each level still says the weight it was recorded under.
  const points = gasTimeline(
    gas.map((record) => ({
      subGoalId: record.subGoalId,
      level: record.level,
      at: record.at.toISOString(),
      weight: record.currentWeight,
    })),
  );
  return presentCitizenMeasures(responses, gas, points);
}

/** Who the actor answers as when recording their own: the citizen, her relative, or a professional. */
function ownRespondentKind(actor: Actor): MeasureRespondent {
  if (actor.kind === 'citizen') return actor.delegate ? 'relative' : 'citizen';
  return 'professional';
}

/**
 * Imports questionnaires answered on paper about one citizen (text/csv, one line per answered
 * item; see `parseResponseCsv`): every line checked, each response scored by the one evaluator,
 * and all of them stored in one transaction with their audit record, or none (422 with the
 * problems per line). Access is the policy's for recording a measure, for every kind of
 * respondent in the file; a refusal is audited.
 */
export async function importMeasures(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  csv: string,
  now: () => Date = context.clock,
) {
  const act = { action: 'create', resource: 'measure' } as const;
  const { decision } = await authorizeCitizen(context, request, actor, citizenId, act, (a, access) =>
    decideMeasureRecord(a, access, ownRespondentKind(a)),
  );
  const db = context.database.db;
  const instruments = (await instrumentsOf(db, actor.municipalityId)).map((entry) => entry.definition);
  const parsed = parseResponseCsv(csv, instruments, now());
  if (!parsed.ok) throw importRefused(parsed.problems);
  for (const respondent of new Set(parsed.responses.map((response) => response.respondent))) {
    await requireAllowed(
      context,
      request,
      actor,
      citizenId,
      decideMeasureRecord(actor, decision, respondent),
      act.action,
      act.resource,
    );
  }
  const recordedBy = actor.kind === 'citizen' && actor.delegate ? actor.delegate.delegationId : actor.id;
  const rows = parsed.responses.map((response) => ({
    citizenId,
    instrumentCode: response.instrument.code,
    instrumentVersion: response.instrument.version,
    respondentKind: response.respondent,
    recordedBy,
    answeredAt: response.answeredAt,
    contextKind: 'other',
    contextId: null,
    answers: response.score.items.map((item) => ({ linkId: item.linkId, code: item.code })),
    raw: response.score.raw,
    score: response.score.score,
    band: response.score.band,
  }));
  const stored = await db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const row of rows) ids.push(await insertMeasureResponse(trx, actor.municipalityId, row));
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'create',
      resource: 'measure:import',
      outcome: 'allowed',
      ...auditOrigin(request),
      details: {
        responseIds: ids,
        instruments: [...new Set(rows.map((row) => `${row.instrumentCode}|${row.instrumentVersion}`))],
      },
    });
    return rows.map((row, index) => presentMeasureResponse({ id: ids[index] as string, ...row }));
  });
  return { imported: stored.length, responses: stored };
}
