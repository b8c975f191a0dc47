import { z } from 'zod';
import { decidePathwayTemplateAct, type PathwayTemplateAct } from '../../domain/access/policy.js';
import { templateCopySchema, templateDefinitionSchema } from '../../domain/plan/pathway-template.js';
import { templateListSchema, templateVersionSchema } from '../../domain/plan/pathway-template.responses.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { refusedProblem } from '../problem.js';
import { idParam } from '../route-params.js';
import {
  copyToDraft,
  editDraft,
  listTemplates,
  publish,
  versionMustExist,
  versionView,
} from './pathway-templates.commands.js';
import type { FastifyRequest } from 'fastify';

const versionParams = z.strictObject({ versionId: idParam('template version') });
const tags = ['pathway-templates'];

/**
 * The municipality's pathway templates (issue 14, decision 0019): every professional lists and
 * reads them; team leaders and the administrator copy a version to a draft, edit and publish it.
 */
export function pathwayTemplateRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const allowed = (request: FastifyRequest, act: PathwayTemplateAct) => {
    const actor = professionalOf(request);
    const decision = decidePathwayTemplateAct(actor, act);
    if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
    return actor;
  };
  const origin = (request: FastifyRequest, act: PathwayTemplateAct) => ({
    actor: allowed(request, act),
    ...auditOrigin(request),
    now: context.clock(),
  });

  app.get(
    '/api/pathway-templates',
    {
      schema: {
        tags,
        summary: "The municipality's pathway templates, each with its versions",
        response: { 200: templateListSchema },
      },
    },
    async (request) => listTemplates(db, allowed(request, 'read').municipalityId),
  );

  app.get(
    '/api/pathway-templates/versions/:versionId',
    {
      schema: {
        tags,
        summary: 'One template version: its stages, transitions, rules and legal frame',
        params: versionParams,
        response: { 200: templateVersionSchema },
      },
    },
    async (request) =>
      versionView(
        await versionMustExist(db, allowed(request, 'read').municipalityId, request.params.versionId),
      ),
  );

  app.post(
    '/api/pathway-templates/versions/:versionId/copy',
    {
      schema: {
        tags,
        summary:
          'Team leaders and the administrator: copy a version to a new draft (the next version, or with a code a template of your own)',
        params: versionParams,
        body: templateCopySchema,
        response: { 201: templateVersionSchema },
      },
    },
    async (request, reply) => {
      const draft = await copyToDraft(db, origin(request, 'change'), request.params.versionId, request.body);
      return reply.code(201).send(draft);
    },
  );

  app.put(
    '/api/pathway-templates/versions/:versionId',
    {
      schema: {
        tags,
        summary:
          'Team leaders and the administrator: replace a draft’s definition (409 when published, 422 when invalid)',
        params: versionParams,
        body: templateDefinitionSchema,
        response: { 200: templateVersionSchema },
      },
    },
    async (request) => editDraft(db, origin(request, 'change'), request.params.versionId, request.body),
  );

  app.post(
    '/api/pathway-templates/versions/:versionId/publish',
    {
      schema: {
        tags,
        summary:
          'Team leaders and the administrator: publish a draft; new pathways start on it, running ones keep theirs',
        params: versionParams,
        response: { 200: templateVersionSchema },
      },
    },
    async (request) => publish(db, origin(request, 'change'), request.params.versionId),
  );
}
