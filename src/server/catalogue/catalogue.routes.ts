import { professionalDirectoryScope } from '../../domain/access/policy.js';
import { activeInterventionTypes, activeProfessionals, unitsOf } from '../../db/queries/catalogue.queries.js';
import { actorOf } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { presentInterventionType, presentProfessional, presentUnit } from './catalogue.presenter.js';
import {
  interventionTypeListSchema,
  professionalListSchema,
  unitListSchema,
} from '../../domain/organisation/catalogue.responses.js';
import { professionalsQuerySchema } from './catalogue.schemas.js';

/** The municipality's organisation and intervention catalogue: what plan forms choose from. */
export function catalogueRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/catalogue/intervention-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The municipality's intervention catalogue",
        response: { 200: interventionTypeListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await activeInterventionTypes(db, actor.municipalityId);
      return { items: rows.map(presentInterventionType) };
    },
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The municipality's units",
        response: { 200: unitListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await unitsOf(db, actor.municipalityId);
      return { items: rows.map(presentUnit) };
    },
  );

  app.get(
    '/api/professionals',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          "Active professionals, optionally of one unit (a citizen, or a relative for her: only the citizen's own team)",
        querystring: professionalsQuerySchema,
        response: { 200: professionalListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      let ids: readonly string[] | undefined;
      if (professionalDirectoryScope(actor) === 'own-team') {
        const plan = await context.plans.get(actor.municipalityId, actor.id);
        ids = plan?.relations.professionalIds ?? [];
        if (ids.length === 0) return { items: [] };
      }
      const rows = await activeProfessionals(db, actor.municipalityId, { unitId: request.query.unitId, ids });
      return { items: rows.map(presentProfessional) };
    },
  );
}
