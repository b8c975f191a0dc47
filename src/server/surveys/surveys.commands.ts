import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Actor, decideSurveyAccess } from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import type { CsvProblem } from '../../domain/measures/csv.js';
import {
  parseQualityCsv,
  type QualityRound,
  qualityResults,
  qualityRollUp,
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
  type SurveyScope,
} from '../../db/queries/surveys.queries.js';
import type { AppContext } from '../context.js';
import { Problem, problems, refusedProblem } from '../problem.js';
import {
  presentCollaborationSurvey,
  presentQualityResults,
  presentQualitySurvey,
} from './surveys.presenter.js';
import type { collaborationResultsSchema } from '../../domain/measures/surveys.responses.js';
import type { collaborationSurveyCreateSchema, qualitySurveyCreateSchema } from './surveys.schemas.js';
import { auditOrigin } from '../audit/visit.js';
import { inMunicipality } from '../../db/queries/tenant.queries.js';

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
  if (!(await inMunicipality(context.database.db, 'unit', actor.municipalityId, id)))
    throw problems.badRequest('unitId: no such unit', [{ field: 'unitId', message: 'no such unit' }]);
  return id;
}

/** A refused CSV import: 422 with the problems per line (the first 200), nothing stored. */
export function importRefused(found: CsvProblem[]): Problem {
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
    ...auditOrigin(request),
    details,
  });
}

type SurveyResource = 'collaboration-survey' | 'quality-survey';

/** Creates a survey of either kind in the unit asked for (or the actor's), audited. */
async function createSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  resource: SurveyResource,
  askedUnitId: string | undefined,
  insert: (unitId: string) => Promise<string>,
): Promise<string> {
  allow(request, actor);
  const unitId = await unitFor(context, request, actor, askedUnitId);
  const id = await insert(unitId);
  await auditManagement(context, request, actor, 'create', resource, { surveyId: id });
  return id;
}

/** One survey the actor may see; `find` is the kind's list query. */
async function oneSurvey<S extends SurveyScope>(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
  find: (db: AppContext['database']['db'], municipalityId: string, filter: { id: string }) => Promise<S[]>,
): Promise<S> {
  allow(request, actor);
  const [survey] = await find(context.database.db, actor.municipalityId, { id });
  if (!survey) throw problems.notFound('The survey');
  allow(request, actor, survey);
  return survey;
}

/** A team leader lists their own unit's surveys; the administrator every unit's. */
function listedUnit(request: FastifyRequest, actor: Actor): string | undefined {
  allow(request, actor);
  return actor.kind === 'professional' && actor.role === 'team_leader' ? actor.unitId : undefined;
}

/** Stores a parsed round in place of the one before, or refuses the whole file; audited. */
async function storeRound<A>(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  resource: SurveyResource,
  surveyId: string,
  round: string,
  parsed: { ok: true; answers: A[] } | { ok: false; problems: CsvProblem[] },
  replace: (answers: A[]) => Promise<void>,
): Promise<number> {
  if (!parsed.ok) throw importRefused(parsed.problems);
  await replace(parsed.answers);
  await auditManagement(context, request, actor, 'update', resource, {
    surveyId,
    round,
    imported: parsed.answers.length,
  });
  return parsed.answers.length;
}

// --- collaboration (relational coordination) ------------------------------------------

export async function createCollaborationSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  body: z.infer<typeof collaborationSurveyCreateSchema>,
): Promise<string> {
  return createSurvey(context, request, actor, 'collaboration-survey', body.unitId, (unitId) =>
    insertCollaborationSurvey(context.database.db, actor.municipalityId, {
      title: body.title,
      groups: body.groups,
      unitId,
      project: body.project ?? null,
      createdBy: actor.id,
    }),
  );
}

const collaborationSurvey = (
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<CollaborationSurvey> => oneSurvey(context, request, actor, id, collaborationSurveys);

export async function listCollaborationSurveys(context: AppContext, request: FastifyRequest, actor: Actor) {
  const surveys = await collaborationSurveys(context.database.db, actor.municipalityId, {
    unitId: listedUnit(request, actor),
  });
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
  return storeRound(context, request, actor, 'collaboration-survey', id, round, parsed, (answers) =>
    replaceCollaborationRound(context.database.db, actor.municipalityId, id, round, answers),
  );
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
  return createSurvey(context, request, actor, 'quality-survey', body.unitId, (unitId) =>
    insertQualitySurvey(context.database.db, actor.municipalityId, {
      title: body.title,
      items: body.items,
      unitId,
      project: body.project ?? null,
      createdBy: actor.id,
    }),
  );
}

const qualitySurvey = (
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<QualitySurvey> => oneSurvey(context, request, actor, id, qualitySurveys);

export async function listQualitySurveys(context: AppContext, request: FastifyRequest, actor: Actor) {
  const surveys = await qualitySurveys(context.database.db, actor.municipalityId, {
    unitId: listedUnit(request, actor),
  });
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
  return storeRound(context, request, actor, 'quality-survey', id, round, parsed, (answers) =>
    replaceQualityRound(context.database.db, actor.municipalityId, id, round, answers),
  );
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

/**
 * The quality indicators rolled up per unit and per development project: the mean of the item
 * means of every survey of theirs, at baseline and at the end, and the relative change. A team
 * leader sees their own unit's surveys, the administrator every unit's.
 */
export async function readQualitySummary(context: AppContext, request: FastifyRequest, actor: Actor) {
  const db = context.database.db;
  const surveys = await qualitySurveys(db, actor.municipalityId, { unitId: listedUnit(request, actor) });
  const scored = await Promise.all(
    surveys.map(async (survey) => ({
      survey,
      itemCodes: survey.items.map((item) => item.code),
      rounds: await qualityAnswers(db, actor.municipalityId, survey.id),
    })),
  );
  const byUnit = new Map<string, typeof scored>();
  const byProject = new Map<string, typeof scored>();
  for (const entry of scored) {
    byUnit.set(entry.survey.unitId, [...(byUnit.get(entry.survey.unitId) ?? []), entry]);
    if (entry.survey.project !== null)
      byProject.set(entry.survey.project, [...(byProject.get(entry.survey.project) ?? []), entry]);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'da');
  return {
    units: [...byUnit.values()]
      .map((entries) => {
        const first = (entries[0] as (typeof scored)[number]).survey;
        return {
          unit: { id: first.unitId, name: first.unitName },
          surveys: entries.length,
          ...qualityRollUp(entries),
        };
      })
      .sort((a, b) => byName(a.unit, b.unit)),
    projects: [...byProject]
      .map(([project, entries]) => ({
        project,
        units: [...new Map(entries.map((e) => [e.survey.unitId, e.survey.unitName]))]
          .map(([id, name]) => ({ id, name }))
          .sort(byName),
        surveys: entries.length,
        ...qualityRollUp(entries),
      }))
      .sort((a, b) => a.project.localeCompare(b.project, 'da')),
  };
}
