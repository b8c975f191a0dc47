import { z } from 'zod';
import { decideInstrumentLoad } from '../../domain/access/policy.js';
import { WHO5_INSTRUMENT, who5Answers } from '../../domain/measures/builtin-instruments.js';
import { gasTScore } from '../../domain/measures/gas.js';
import { scoreAnswers } from '../../domain/measures/instrument.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { problems, refusedProblem } from '../problem.js';
import {
  importMeasures,
  instrumentsOf,
  loadInstrument,
  readCitizenMeasures,
  recordMeasure,
} from './measures.commands.js';
import {
  citizenMeasuresSchema,
  gasScoreSchema,
  instrumentListSchema,
  measureImportSchema,
  measureResponseSchema,
  who5ScoreSchema,
} from '../../domain/measures/measures.responses.js';
import { gasScoreBody, measureImportBody, measureRecordBody, who5ScoreBody } from './measures.schemas.js';
import { citizenParams } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

/** A paper import is small: a few questionnaires about one citizen. */
const IMPORT_BODY_LIMIT = 1024 * 1024;

/** Instruments, scoring without storing, and the measures recorded about a citizen. */
export function measuresRoutes(app: App, context: AppContext): void {
  app.post(
    '/api/instruments/who-5/score',
    {
      schema: {
        tags: ['measures'],
        summary: 'Score WHO-5 answers (0–5, in item order); stores nothing',
        body: who5ScoreBody,
        response: { 200: who5ScoreSchema },
      },
    },
    async (request) => {
      const result = scoreAnswers(WHO5_INSTRUMENT, who5Answers(request.body.answers));
      // The body's schema already holds every answer to 0–5, so scoring cannot fail here.
      if (!result.ok || result.value.raw === null || result.value.score === null)
        throw problems.badRequest('answers: must be five answers 0–5');
      const { raw, score, band } = result.value;
      return { raw, score, band: band as z.infer<typeof who5ScoreSchema>['band'] };
    },
  );

  app.post(
    '/api/instruments/gas/score',
    {
      schema: {
        tags: ['measures'],
        summary:
          'The Kiresuk–Sherman GAS T-score (ρ = 0.3, weight 1 unless given), two decimals; stores nothing',
        body: gasScoreBody,
        response: { 200: gasScoreSchema },
      },
    },
    async (request) => ({ tScore: gasTScore(request.body.goals) as number }),
  );

  app.get(
    '/api/instruments',
    {
      schema: {
        tags: ['measures'],
        summary: 'The instruments this municipality can use: shipped and licensed (loaded)',
        response: { 200: instrumentListSchema },
      },
    },
    async (request) => ({ items: await instrumentsOf(context.database.db, actorOf(request).municipalityId) }),
  );

  app.post(
    '/api/instruments',
    {
      schema: {
        tags: ['measures'],
        summary: 'Load a licensed instrument (JSON definition, validated); a version never changes',
        body: z.unknown(),
        response: { 201: z.object({ code: z.string(), version: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const decision = decideInstrumentLoad(actor);
      if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
      const result = await loadInstrument(context.database.db, actor.municipalityId, request.body, actor.id);
      if (!result.loaded) throw result.problem;
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'create',
        resource: 'instrument',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { code: result.code, version: result.version },
      });
      return reply.code(201).send({ code: result.code, version: result.version });
    },
  );

  app.get(
    '/api/citizens/:citizenId/measures',
    {
      schema: {
        tags: ['measures'],
        summary: "The citizen's measures: questionnaire responses and GAS over time",
        params: citizenParams,
        response: { 200: citizenMeasuresSchema },
      },
    },
    async (request) => readCitizenMeasures(context, request, actorOf(request), request.params.citizenId),
  );

  app.post(
    '/api/citizens/:citizenId/measures',
    {
      schema: {
        tags: ['measures'],
        summary:
          'Record an answered questionnaire (WHO-5, function levels, session feedback, a licensed one)',
        params: citizenParams,
        body: measureRecordBody,
        response: { 201: measureResponseSchema },
      },
    },
    async (request, reply) => {
      const recorded = await recordMeasure(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.body,
        context.clock,
      );
      return reply.code(201).send(recorded);
    },
  );

  app.post(
    '/api/citizens/:citizenId/measures/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['measures'],
        summary: 'Import questionnaires answered on paper (text/csv); all responses or none',
        description:
          'Header: instrument,answered_at,answered_by,item,answer — one line per answered item; the lines with ' +
          'the same instrument (code, or code|version), answered_at (a date-time with a time zone) and answered_by ' +
          '(citizen, relative, professional, independent-assessor) are one response, scored as when recorded. ' +
          '422 lists the problems per line, and nothing is stored.',
        params: citizenParams,
        body: measureImportBody,
        response: { 201: measureImportSchema },
      },
    },
    async (request, reply) => {
      const imported = await importMeasures(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.body,
        context.clock,
      );
      return reply.code(201).send(imported);
    },
  );
}
