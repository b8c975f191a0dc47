import { z } from 'zod';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { problems } from '../problem.js';
import type { Actor } from '../../domain/access/policy.js';

const unitSchema = z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) });

const meSchema = z
  .object({
    kind: z.enum(['professional', 'citizen']),
    id: z.uuid(),
    name: z.string(),
    role: z.string(),
    unit: unitSchema.nullable(),
    municipality: z.object({ code: z.string(), name: z.string() }),
    citizenId: z.uuid().nullable().describe('For a citizen: their own id, to open their plan'),
  })
  .meta({ id: 'Me' });

const personaSchema = z.object({
  id: z.string(),
  kind: z.enum(['professional', 'citizen']),
  name: z.string(),
  titleDa: z.string(),
  titleEn: z.string(),
  unit: unitSchema.nullable(),
});

export function authRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  async function describe(actor: Actor): Promise<z.infer<typeof meSchema>> {
    const municipality = await db
      .selectFrom('municipality')
      .select(['code', 'name'])
      .where('id', '=', actor.municipalityId)
      .executeTakeFirstOrThrow();
    const unit =
      actor.kind === 'professional'
        ? await db
            .selectFrom('unit')
            .select(['id', 'name', 'sector'])
            .where('municipality_id', '=', actor.municipalityId)
            .where('id', '=', actor.unitId)
            .executeTakeFirst()
        : undefined;
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      role: actor.kind === 'citizen' ? 'citizen' : actor.role,
      unit: unit ? { id: unit.id, name: unit.name, sector: unit.sector as (typeof SECTORS)[number] } : null,
      municipality,
      citizenId: actor.kind === 'citizen' ? actor.id : null,
    };
  }

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: meSchema } } },
    async (request) => describe(actorOf(request)),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await context.sessions.destroy(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  if (!context.config.demo) return;

  app.get(
    '/api/auth/demo-personas',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Demo mode only: the personas one can log in as',
        response: { 200: z.object({ personas: z.array(personaSchema) }) },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('demo_persona as d')
        .leftJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'd.municipality_id').onRef('p.id', '=', 'd.subject_id'),
        )
        .leftJoin('unit as u', (join) =>
          join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
        )
        .leftJoin('citizen as c', (join) =>
          join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.subject_id'),
        )
        .select([
          'd.id',
          'd.subject_kind',
          'd.title_da',
          'd.title_en',
          'p.name as professional_name',
          'c.given_name',
          'c.family_name',
          'u.id as unit_id',
          'u.name as unit_name',
          'u.sector as unit_sector',
        ])
        .orderBy('d.sort_order')
        .orderBy('d.id')
        .execute();
      return {
        personas: rows.map((row) => ({
          id: row.id,
          kind: row.subject_kind as 'professional' | 'citizen',
          name: row.professional_name ?? `${row.given_name ?? ''} ${row.family_name ?? ''}`.trim(),
          titleDa: row.title_da,
          titleEn: row.title_en,
          unit: row.unit_id
            ? {
                id: row.unit_id,
                name: row.unit_name ?? '',
                sector: row.unit_sector as (typeof SECTORS)[number],
              }
            : null,
        })),
      };
    },
  );

  app.post(
    '/api/auth/demo-login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Demo mode only: log in as a persona',
        body: z.strictObject({ persona: z.string().min(1).max(100) }),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (request, reply) => {
      const persona = await db
        .selectFrom('demo_persona')
        .select(['municipality_id', 'subject_kind', 'subject_id', 'id'])
        .where('id', '=', request.body.persona)
        .executeTakeFirst();
      if (!persona)
        throw problems.badRequest(`There is no demo persona "${request.body.persona}".`, [
          { field: 'persona', message: 'is not a demo persona' },
        ]);
      // A new session id at every login: an old (possibly planted) cookie is never promoted.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await context.sessions.destroy(old);
      const session = await context.sessions.create({
        municipalityId: persona.municipality_id,
        kind: persona.subject_kind as 'professional' | 'citizen',
        id: persona.subject_id,
        persona: persona.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: !isLoopback(context.config.publicUrl),
        expires: session.expiresAt,
      });
      await context.audit.record({
        actor: session.actor,
        citizenId: null,
        action: 'login',
        resource: 'session',
        outcome: 'allowed',
        clientIp: request.ip,
        details: { method: 'demo', persona: persona.id },
      });
      return { user: await describe(session.actor) };
    },
  );
}

function isLoopback(publicUrl: string): boolean {
  const host = new URL(publicUrl).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
