import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Actor, decideMeasureRead, decideMeasureRecord } from '../../domain/access/policy.js';
import { BUILTIN_INSTRUMENTS, builtinInstrument } from '../../domain/measures/builtin-instruments.js';
import { gasTimeline } from '../../domain/measures/gas.js';
import { type Instrument, instrumentSchema, scoreAnswers } from '../../domain/measures/instrument.js';
import {
  citizenGasRecords,
  citizenMeasureResponses,
  insertInstrument,
  insertMeasureResponse,
  isCitizenMeeting,
  isCitizenSubGoal,
  loadedInstruments,
} from '../../db/queries/measures.queries.js';
import type { DB } from '../../db/schema.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { type Problem, problems } from '../problem.js';
import { presentCitizenMeasures, presentMeasureResponse } from './measures.presenter.js';
import type { measureRecordBody } from './measures.schemas.js';

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
): Promise<Instrument> {
  const candidates = (await instrumentsOf(db, municipalityId))
    .map((entry) => entry.definition)
    .filter((instrument) => instrument.code === code);
  const instrument = version ? candidates.find((c) => c.version === version) : candidates.at(-1);
  if (!instrument) {
    throw problems.badRequest(`instrument: there is no ${code}${version ? ` version ${version}` : ''} here`, [
      { field: version ? 'version' : 'instrument', message: 'no such instrument' },
    ]);
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
  now: () => Date = () => new Date(),
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
  const instrument = await instrumentFor(db, actor.municipalityId, body.instrument, body.version);
  if (!instrument.respondents.includes(body.respondent)) {
    throw problems.badRequest(
      `respondent: ${instrument.code} is answered by ${instrument.respondents.join(', ')}`,
      [{ field: 'respondent', message: `must be one of ${instrument.respondents.join(', ')}` }],
    );
  }
  const scored = scoreAnswers(instrument, body.answers);
  if (!scored.ok) {
    const errors = scored.problems.map((p) => ({ field: `answers.${p.linkId}`, message: p.message }));
    throw problems.badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
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
  const answeredAt = body.answeredAt ? new Date(body.answeredAt) : now();
  if (answeredAt.getTime() > now().getTime() + 60_000) {
    throw problems.badRequest('answeredAt: must not be in the future', [
      { field: 'answeredAt', message: 'must not be in the future' },
    ]);
  }
  const row = {
    citizenId,
    instrumentCode: instrument.code,
    instrumentVersion: instrument.version,
    respondentKind: body.respondent,
    recordedBy: actor.kind === 'citizen' && actor.delegate ? actor.delegate.delegationId : actor.id,
    answeredAt,
    contextKind: body.context.kind,
    contextId,
    answers: scored.value.items.map((item) => ({ linkId: item.linkId, code: item.code })),
    raw: scored.value.raw,
    score: scored.value.score,
    band: scored.value.band,
  };
  const id = await insertMeasureResponse(db, actor.municipalityId, row);
  await context.audit.record({
    actor,
    citizenId,
    action: 'create',
    resource: 'measure',
    outcome: 'allowed',
    clientIp: request.ip,
    details: { responseId: id, instrument: instrument.code, version: instrument.version },
  });
  return presentMeasureResponse({ id, ...row });
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
    clientIp: request.ip,
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
