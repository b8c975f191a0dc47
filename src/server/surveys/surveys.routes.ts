import { z } from 'zod';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { invitationsRoutes } from './invitations.routes.js';
import {
  collaborationResults,
  createCollaborationSurvey,
  createQualitySurvey,
  importCollaborationRound,
  importQualityRound,
  listCollaborationSurveys,
  listQualitySurveys,
  readCollaborationSurvey,
  readQualityResults,
  readQualitySummary,
} from './surveys.commands.js';
import {
  collaborationResultsSchema,
  collaborationSurveyListSchema,
  collaborationSurveySchema,
  createdSchema,
  importedSchema,
  qualitySummarySchema,
  qualitySurveyListSchema,
  qualitySurveyResultsSchema,
} from '../../domain/measures/surveys.responses.js';
import {
  collaborationRoundParams,
  collaborationSurveyCreateSchema,
  csvBody,
  qualityRoundParams,
  qualitySurveyCreateSchema,
  roundName,
  surveyParams,
} from './surveys.schemas.js';

/** A survey round's file may be larger than a JSON request (50,000 lines at most). */
const CSV_BODY_LIMIT = 4 * 1024 * 1024;

/** Collaboration (relational coordination) and quality-indicator surveys, for team leaders. */
export function surveysRoutes(app: App, context: AppContext): void {
  invitationsRoutes(app, context);
  app.get(
    '/api/collaboration-surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: "Collaboration surveys: the team leader's unit's, or every unit's for the administrator",
        response: { 200: collaborationSurveyListSchema },
      },
    },
    async (request) => ({ items: await listCollaborationSurveys(context, request, actorOf(request)) }),
  );

  app.post(
    '/api/collaboration-surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a collaboration (relational coordination) survey between work groups',
        body: collaborationSurveyCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const id = await createCollaborationSurvey(context, request, actorOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/collaboration-surveys/:id',
    {
      schema: {
        tags: ['surveys'],
        summary: 'A collaboration survey and its rounds',
        params: surveyParams,
        response: { 200: collaborationSurveySchema },
      },
    },
    async (request) => readCollaborationSurvey(context, request, actorOf(request), request.params.id),
  );

  app.put(
    '/api/collaboration-surveys/:id/rounds/:round/responses',
    {
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['surveys'],
        summary: "Import (replace) a round's answers as text/csv; all or nothing",
        description:
          'Header: respondent,group,about_group,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,mutual_respect. ' +
          'Answers coded 1–5; frequency: not nearly enough 1, much too often 2, not enough 3, too often 4, just right 5. ' +
          '422 lists the problems per line, and nothing is stored.',
        params: collaborationRoundParams,
        body: csvBody,
        response: { 200: importedSchema },
      },
    },
    async (request) => ({
      imported: await importCollaborationRound(
        context,
        request,
        actorOf(request),
        request.params.id,
        request.params.round,
        request.body,
      ),
    }),
  );

  app.get(
    '/api/collaboration-surveys/:id/results',
    {
      schema: {
        tags: ['surveys'],
        summary: "A round's ties between groups (no figures for a group of fewer than 5 respondents)",
        params: surveyParams,
        querystring: z.strictObject({ round: roundName }),
        response: { 200: collaborationResultsSchema },
      },
    },
    async (request) =>
      collaborationResults(context, request, actorOf(request), request.params.id, request.query.round),
  );

  app.get(
    '/api/quality-surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: "Quality-indicator surveys: the team leader's unit's, or every unit's for the administrator",
        response: { 200: qualitySurveyListSchema },
      },
    },
    async (request) => ({ items: await listQualitySurveys(context, request, actorOf(request)) }),
  );

  app.get(
    '/api/quality-surveys/summary',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Quality indicators per unit and per development project: the mean of the item means of their surveys at baseline and end, and the relative change',
        response: { 200: qualitySummarySchema },
      },
    },
    async (request) => readQualitySummary(context, request, actorOf(request)),
  );

  app.post(
    '/api/quality-surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a quality-indicator survey (statements scored 1–5 at baseline and at end)',
        body: qualitySurveyCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const id = await createQualitySurvey(context, request, actorOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/quality-surveys/:id/rounds/:round/responses',
    {
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['surveys'],
        summary: "Import (replace) the baseline or end round's answers as text/csv; all or nothing",
        description:
          'Header: respondent,item,score (score 1–5). 422 lists the problems per line, and nothing is stored.',
        params: qualityRoundParams,
        body: csvBody,
        response: { 200: importedSchema },
      },
    },
    async (request) => ({
      imported: await importQualityRound(
        context,
        request,
        actorOf(request),
        request.params.id,
        request.params.round,
        request.body,
      ),
    }),
  );

  app.get(
    '/api/quality-surveys/:id/results',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Per-item means at baseline and end, the mean of item means, and the relative change',
        params: surveyParams,
        response: { 200: qualitySurveyResultsSchema },
      },
    },
    async (request) => {
      const { survey, results } = await readQualityResults(
        context,
        request,
        actorOf(request),
        request.params.id,
      );
      return { ...results, survey };
    },
  );
}
