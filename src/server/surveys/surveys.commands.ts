import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Actor, decideSurveyAccess } from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import type { CsvProblem } from '../../domain/measures/csv.js';
import {
  parseQualityCsv,
  type QualityRound,
  qualityResults,
} from '../../domain/measures/quality-indicators.js';
import { parseRcCsv, RC_MIN_RESPONDENTS, rcTies } from '../../domain/measures/relational-coordination.js';
import {
  type CollaborationSurvey,
  collaborationAnswers,
  collaborationRounds,
  collaborationSurveys,
  insertCollaborationSurvey,
  insertQualitySurvey,
  type QualitySurvey,
  qualityAnswers,
  qualitySurveys,
  replaceCollaborationRound,
  replaceQualityRound,
} from '../../db/queries/surveys.queries.js';
import type { AppContext } from '../context.js';
import { Problem, problems, refusedProblem } from '../problem.js';
import {
  presentCollaborationSurvey,
  presentQualityResults,
  presentQualitySurvey,
} from './surveys.presenter.js';
import type {
  collaborationResultsSchema,
  collaborationSurveyCreateSchema,
  qualitySurveyCreateSchema,
} from './surveys.schemas.js';

/**
 * Surveys of how a unit works (not about any citizen): the answers are anonymous, so reading
 * them is not audited; creating a survey and importing (replacing) a round's answers are, as
 * management acts.
 */

/** Asks the policy; a refusal is a 403 in the language of the request. */
function allow(request: FastifyRequest, actor: Actor, survey?: { unitId: string }): void {
  const decision = decideSurveyAccess(actor, survey);
  if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
}

/** The unit a new survey is about: the given one (it must exist here), else the actor's. */
async function unitFor(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  unitId: string | undefined,
): Promise<string> {
  if (actor.kind !== 'professional')
    throw refusedProblem(refusal('survey.team-leaders'), request.headers['accept-language']);
  const id = unitId ?? actor.unitId;
  allow(request, actor, { unitId: id });
  const unit = await context.database.db
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!unit)
    throw problems.badRequest('unitId: no such unit', [{ field: 'unitId', message: 'no such unit' }]);
  return id;
}

function importRefused(found: CsvProblem[]): Problem {
  const errors = found
    .slice(0, 200)
    .map((p) => ({ line: p.line, field: p.field ?? 'line', message: p.message }));
  const more = found.length > errors.length ? ` (the first ${errors.length} are listed)` : '';
  return new Problem(
    422,
    'Import refused',
    `The file has ${found.length} problem${found.length === 1 ? '' : 's'}${more}; nothing was stored. Fix the lines named and send the whole file again.`,
    errors,
  );
}

async function auditManagement(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  action: 'create' | 'update',
  resource: string,
  details: Record<string, unknown>,
): Promise<void> {
  await context.audit.record({
    actor,
    citizenId: null,
    action,
    resource,
    outcome: 'allowed',
    clientIp: request.ip,
    details,
  });
}

// --- collaboration (relational coordination) ------------------------------------------

export async function createCollaborationSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  body: z.infer<typeof collaborationSurveyCreateSchema>,
): Promise<string> {
  allow(request, actor);
  const unitId = await unitFor(context, request, actor, body.unitId);
  const id = await insertCollaborationSurvey(context.database.db, actor.municipalityId, {
    title: body.title,
    groups: body.groups,
    unitId,
    project: body.project ?? null,
    createdBy: actor.id,
  });
  await auditManagement(context, request, actor, 'create', 'collaboration-survey', { surveyId: id });
  return id;
}

async function collaborationSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<CollaborationSurvey> {
  allow(request, actor);
  const [survey] = await collaborationSurveys(context.database.db, actor.municipalityId, { id });
  if (!survey) throw problems.notFound('The survey');
  allow(request, actor, survey);
  return survey;
}

export async function listCollaborationSurveys(context: AppContext, request: FastifyRequest, actor: Actor) {
  allow(request, actor);
  const unitId = actor.kind === 'professional' && actor.role === 'team_leader' ? actor.unitId : undefined;
  const surveys = await collaborationSurveys(context.database.db, actor.municipalityId, { unitId });
  return Promise.all(
    surveys.map(async (survey) =>
      presentCollaborationSurvey(
        survey,
        await collaborationRounds(context.database.db, actor.municipalityId, survey.id),
      ),
    ),
  );
}

export async function readCollaborationSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
) {
  const survey = await collaborationSurvey(context, request, actor, id);
  return presentCollaborationSurvey(
    survey,
    await collaborationRounds(context.database.db, actor.municipalityId, id),
  );
}

/** Replaces a round's answers with the file's, all or nothing. */
export async function importCollaborationRound(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
  round: string,
  csv: string,
): Promise<number> {
  const survey = await collaborationSurvey(context, request, actor, id);
  const parsed = parseRcCsv(csv, survey.groups);
  if (!parsed.ok) throw importRefused(parsed.problems);
  await replaceCollaborationRound(context.database.db, actor.municipalityId, id, round, parsed.answers);
  await auditManagement(context, request, actor, 'update', 'collaboration-survey', {
    surveyId: id,
    round,
    imported: parsed.answers.length,
  });
  return parsed.answers.length;
}

export async function collaborationResults(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
  round: string,
): Promise<z.infer<typeof collaborationResultsSchema>> {
  const survey = await collaborationSurvey(context, request, actor, id);
  const answers = await collaborationAnswers(context.database.db, actor.municipalityId, id, round);
  return {
    round,
    groups: survey.groups,
    minRespondents: RC_MIN_RESPONDENTS,
    ties: rcTies(survey.groups, answers),
  };
}

// --- quality indicators -------------------------------------------------------------

export async function createQualitySurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  body: z.infer<typeof qualitySurveyCreateSchema>,
): Promise<string> {
  allow(request, actor);
  const unitId = await unitFor(context, request, actor, body.unitId);
  const id = await insertQualitySurvey(context.database.db, actor.municipalityId, {
    title: body.title,
    items: body.items,
    unitId,
    project: body.project ?? null,
    createdBy: actor.id,
  });
  await auditManagement(context, request, actor, 'create', 'quality-survey', { surveyId: id });
  return id;
}

async function qualitySurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<QualitySurvey> {
  allow(request, actor);
  const [survey] = await qualitySurveys(context.database.db, actor.municipalityId, { id });
  if (!survey) throw problems.notFound('The survey');
  allow(request, actor, survey);
  return survey;
}

export async function listQualitySurveys(context: AppContext, request: FastifyRequest, actor: Actor) {
  allow(request, actor);
  const unitId = actor.kind === 'professional' && actor.role === 'team_leader' ? actor.unitId : undefined;
  const surveys = await qualitySurveys(context.database.db, actor.municipalityId, { unitId });
  return surveys.map(presentQualitySurvey);
}

export async function importQualityRound(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
  round: QualityRound,
  csv: string,
): Promise<number> {
  const survey = await qualitySurvey(context, request, actor, id);
  const parsed = parseQualityCsv(
    csv,
    survey.items.map((item) => item.code),
  );
  if (!parsed.ok) throw importRefused(parsed.problems);
  await replaceQualityRound(context.database.db, actor.municipalityId, id, round, parsed.answers);
  await auditManagement(context, request, actor, 'update', 'quality-survey', {
    surveyId: id,
    round,
    imported: parsed.answers.length,
  });
  return parsed.answers.length;
}

export async function readQualityResults(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
) {
  const survey = await qualitySurvey(context, request, actor, id);
  const rounds = await qualityAnswers(context.database.db, actor.municipalityId, id);
  return {
    survey: presentQualitySurvey(survey),
    results: presentQualityResults(
      survey,
      qualityResults(
        survey.items.map((item) => item.code),
        rounds,
      ),
    ),
  };
}
