import { z } from 'zod';
import { professionalDirectoryScope } from '../../domain/access/policy.js';
import { LEGAL_BASIS_CODES } from '../../domain/organisation/legal-bases.js';
import { PROFESSIONAL_ROLES, SECTORS } from '../../domain/organisation/sectors.js';
import { actorOf } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';

const sector = z.enum(SECTORS);

/** The municipality's organisation and intervention catalogue: what plan forms choose from. */
export function catalogueRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/catalogue/intervention-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The municipality's intervention catalogue",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                code: z.string(),
                name: z.string(),
                sector,
                category: z.string(),
                legalBasis: z.enum(LEGAL_BASIS_CODES),
                pyramidLevel: z.number().int().min(1).max(5),
                businessDirected: z.boolean(),
                unitCostOre: z.number().int(),
                costUnit: z.enum(['hour', 'week', 'month', 'once']),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('intervention_type')
        .selectAll()
        .where('municipality_id', '=', actor.municipalityId)
        .where('active', '=', true)
        .orderBy('sector')
        .orderBy('name')
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          code: row.code,
          name: row.name,
          sector: row.sector as z.infer<typeof sector>,
          category: row.category,
          legalBasis: row.legal_basis as (typeof LEGAL_BASIS_CODES)[number],
          pyramidLevel: row.pyramid_level,
          businessDirected: row.business_directed,
          unitCostOre: Number(row.unit_cost_ore),
          costUnit: row.cost_unit as 'hour' | 'week' | 'month' | 'once',
        })),
      };
    },
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The municipality's units",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                sector,
                phone: z.string().nullable(),
                email: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await db
        .selectFrom('unit')
        .select(['id', 'name', 'sector', 'phone', 'email'])
        .where('municipality_id', '=', actor.municipalityId)
        .orderBy('sector')
        .orderBy('name')
        .execute();
      return { items: rows.map((row) => ({ ...row, sector: row.sector as z.infer<typeof sector> })) };
    },
  );

  app.get(
    '/api/professionals',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          "Active professionals, optionally of one unit (a citizen, or a relative for her: only the citizen's own team)",
        querystring: z.strictObject({ unitId: z.uuid().optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                profession: z.string(),
                role: z.enum(PROFESSIONAL_ROLES),
                unitId: z.uuid(),
                phone: z.string().nullable(),
                email: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let query = db
        .selectFrom('professional')
        .select(['id', 'name', 'profession', 'role', 'unit_id', 'phone', 'email'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('active', '=', true);
      if (request.query.unitId) query = query.where('unit_id', '=', request.query.unitId);
      if (professionalDirectoryScope(actor) === 'own-team') {
        const plan = await context.plans.get(actor.municipalityId, actor.id);
        const team = plan?.relations.professionalIds ?? [];
        if (team.length === 0) return { items: [] };
        query = query.where('id', 'in', [...team]);
      }
      const rows = await query.orderBy('name').limit(2000).execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          profession: row.profession,
          role: row.role as (typeof PROFESSIONAL_ROLES)[number],
          unitId: row.unit_id,
          phone: row.phone,
          email: row.email,
        })),
      };
    },
  );
}
