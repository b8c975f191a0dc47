import { normaliseCpr } from '../../domain/citizen/cpr.js';
import { caseloadScope, decideBreakGlass, decideCitizenAccess } from '../../domain/access/policy.js';
import { caseloadPage, citizenByCprHmac } from '../../db/queries/citizens.queries.js';
import { relationsOf } from '../../db/queries/plan-document.queries.js';
import { professionalOf } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { caseloadPageSchema, parseDocument, toCaseloadItem } from './caseload.presenter.js';
import { problems } from '../problem.js';
import { plansAsSeenBy } from '../plan/viewer-plans.js';
import { cprSearchPageSchema } from '../../domain/workspace/workspace.responses.js';
import { caseloadQuerySchema, cprSearchBody } from './citizens.schemas.js';
import { auditOrigin } from '../audit/visit.js';

export function citizensRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens',
    {
      schema: {
        tags: ['citizens'],
        summary: "The logged-in professional's caseload",
        querystring: caseloadQuerySchema,
        response: { 200: caseloadPageSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const { q, page, pageSize, sort } = request.query;
      if (q && /\d{6}/.test(q)) {
        throw problems.badRequest(
          'Search by CPR number with POST /api/citizens/search; never put it in a URL.',
          [{ field: 'querystring.q', message: 'must not contain a CPR number' }],
        );
      }
      const { documents, total } = await caseloadPage(db, {
        municipalityId: actor.municipalityId,
        related: caseloadScope(actor) === 'unit' ? { unitId: actor.unitId } : { professionalId: actor.id },
        q,
        order: sort === '-name' ? 'desc' : 'asc',
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      // "Updated" in the list is the last change the professional may see (the hidden-details rule).
      const seen = await plansAsSeenBy(context, actor, documents.map(parseDocument));
      const items = seen.map((plan) => toCaseloadItem(plan, actor.id));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'caseload',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { q: q ?? null, page, results: items.length },
        seenCitizens: items.map((item) => item.id),
      });
      return { items, total, page, pageSize };
    },
  );

  app.post(
    '/api/citizens/search',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizens'],
        summary: 'Find a citizen by CPR number (in the body, never in a URL)',
        body: cprSearchBody,
        response: { 200: cprSearchPageSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const cpr = normaliseCpr(request.body.cpr);
      if (!cpr) throw problems.field('cpr', 'must be a CPR number of the form DDMMYY-SSSS');
      const row = await citizenByCprHmac(db, actor.municipalityId, context.vault.hmac(cpr));
      const visible = row && decideCitizenAccess(actor, relationsOf(row.id, row)).allowed;
      const items =
        row && visible
          ? (await plansAsSeenBy(context, actor, [parseDocument(row.document)])).map((plan) =>
              toCaseloadItem(plan, actor.id),
            )
          : [];
      await context.audit.record({
        actor,
        citizenId: row?.id ?? null,
        action: 'search',
        resource: 'citizen',
        outcome: row && !visible ? 'denied' : 'allowed',
        ...auditOrigin(request),
        details: { criteria: { cpr: `${cpr.slice(0, 6)}-xxxx` }, found: items.length },
      });
      // No relationship: no name, no plan, only the audited emergency route to this citizen.
      const emergencyAccess =
        row && !visible && decideBreakGlass(actor).allowed ? { citizenId: row.id } : null;
      return { items, total: items.length, page: 1, pageSize: 25, emergencyAccess };
    },
  );
}
