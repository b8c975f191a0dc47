import { decideAnalyticsAccess } from '../../domain/access/policy.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { Problem, refusedProblem } from '../problem.js';
import { importCosts } from './costs.commands.js';
import { presentImport } from './costs.presenter.js';
import { costImportQuerySchema, costImportSchema } from './costs.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** A cost file may be this large (some 400,000 lines). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** Cost files from the finance system. */
export function costsRoutes(app: App, context: AppContext): void {
  app.post(
    '/api/costs/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['costs'],
        summary:
          'Import a cost file (text/csv: citizen_id;sector;budget_area;month;amount_ore): all lines or none, the same file once',
        querystring: costImportQuerySchema,
        response: { 200: costImportSchema, 201: costImportSchema },
      },
    },
    async (request, reply) => {
      const actor = professionalOf(request);
      const decision = decideAnalyticsAccess(actor, 'import-costs');
      if (!decision.allowed) {
        await context.audit.record({
          actor,
          citizenId: null,
          action: 'create',
          resource: 'costs:import',
          outcome: 'denied',
          ...auditOrigin(request),
        });
        throw refusedProblem(decision, request.headers['accept-language']);
      }
      if (typeof request.body !== 'string')
        throw new Problem(415, 'Unsupported media type', 'Send the cost file as text/csv.');
      const result = await importCosts(
        context,
        actor,
        request.body,
        request.query.fileName ?? null,
        auditOrigin(request),
      );
      return reply.code(result.alreadyImported ? 200 : 201).send(presentImport(result));
    },
  );
}
