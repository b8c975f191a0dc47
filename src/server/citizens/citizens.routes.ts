import { sql } from 'kysely';
import { z } from 'zod';
import { normaliseCpr } from '../../domain/citizen/cpr.js';
import { decideBreakGlass, decideCitizenAccess } from '../../domain/access/policy.js';
import { relationsOf } from '../../db/queries/plan-document.queries.js';
import { professionalOf } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { caseloadPageSchema, parseDocument, toCaseloadItem } from '../presenters/caseload.presenter.js';
import { problems } from '../problem.js';
import { optionalTextLine, token } from '../../domain/common/text.schemas.js';
import { plansAsSeenBy } from '../presenters/viewer-plans.js';

const caseloadQuerySchema = z.strictObject({
  q: optionalTextLine(100).describe(
    'Part of the name; CPR numbers are searched with POST /api/citizens/search',
  ),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  sort: z
    .enum(['name', '-name'], { error: 'must be name or -name' })
    .default('name')
    .describe('By family name, then given name; "-name" turns the order around (Å–A)'),
});

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
      const order = sort === '-name' ? 'desc' : 'asc';
      if (q && /\d{6}/.test(q)) {
        throw problems.badRequest(
          'Search by CPR number with POST /api/citizens/search; never put it in a URL.',
          [{ field: 'querystring.q', message: 'must not contain a CPR number' }],
        );
      }
      // Team leaders see their unit's citizens; everyone else the citizens they are related to.
      const related =
        actor.role === 'team_leader'
          ? sql<boolean>`d.related_unit_ids @> ARRAY[${actor.unitId}]::uuid[]`
          : sql<boolean>`d.related_professional_ids @> ARRAY[${actor.id}]::uuid[]`;
      let query = db
        .selectFrom('plan_document as d')
        .innerJoin('citizen as c', (join) =>
          join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.citizen_id'),
        )
        .where('d.municipality_id', '=', actor.municipalityId)
        .where(related);
      if (q) {
        const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
        query = query.where(sql<boolean>`lower(c.given_name || ' ' || c.family_name) LIKE ${pattern}`);
      }
      const [rows, count] = await Promise.all([
        query
          .select(['d.document'])
          .orderBy(sql`lower(c.family_name)`, order)
          .orderBy(sql`lower(c.given_name)`, order)
          .orderBy('c.id', order)
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      ]);
      // "Updated" in the list is the last change the professional may see (the hidden-details rule).
      const seen = await plansAsSeenBy(
        context,
        actor,
        rows.map((row) => parseDocument(row.document)),
      );
      const items = seen.map((plan) => toCaseloadItem(plan, actor.id));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'caseload',
        outcome: 'allowed',
        clientIp: request.ip,
        details: { q: q ?? null, page, results: items.length },
        seenCitizens: items.map((item) => item.id),
      });
      return { items, total: count.total, page, pageSize };
    },
  );

  app.post(
    '/api/citizens/search',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizens'],
        summary: 'Find a citizen by CPR number (in the body, never in a URL)',
        body: z.strictObject({ cpr: token(20).describe('DDMMYY-SSSS or DDMMYYSSSS') }),
        response: {
          200: caseloadPageSchema.extend({
            emergencyAccess: z
              .object({ citizenId: z.uuid() })
              .nullable()
              .describe(
                'The citizen exists but you have no relationship: the emergency route (break the glass, audited) is open',
              ),
          }),
        },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const cpr = normaliseCpr(request.body.cpr);
      if (!cpr) {
        throw problems.badRequest('cpr must be a CPR number of the form DDMMYY-SSSS.', [
          { field: 'cpr', message: 'must be a CPR number of the form DDMMYY-SSSS' },
        ]);
      }
      const row = await db
        .selectFrom('citizen as c')
        .innerJoin('plan_document as d', (join) =>
          join.onRef('d.municipality_id', '=', 'c.municipality_id').onRef('d.citizen_id', '=', 'c.id'),
        )
        .select([
          'c.id',
          'd.document',
          'd.related_professional_ids',
          'd.related_unit_ids',
          'd.referral_unit_ids',
          'd.meeting_relations',
        ])
        .where('c.municipality_id', '=', actor.municipalityId)
        .where('c.cpr_hmac', '=', context.vault.hmac(cpr))
        .executeTakeFirst();
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
        clientIp: request.ip,
        details: { criteria: { cpr: `${cpr.slice(0, 6)}-xxxx` }, found: items.length },
      });
      // No relationship: no name, no plan, only the audited emergency route to this citizen.
      const emergencyAccess =
        row && !visible && decideBreakGlass(actor).allowed ? { citizenId: row.id } : null;
      return { items, total: items.length, page: 1, pageSize: 25, emergencyAccess };
    },
  );
}
