import { auditCitizenNameScope, canSuperviseAudit, decideAccessLogRead } from '../../domain/access/policy.js';
import { BURST_SECONDS } from '../../domain/audit/audit-visits.js';
import { accessLogRows, auditShowsNames } from '../../db/queries/access-log.queries.js';
import {
  type AuditCriteria,
  auditCitizenNames,
  auditSearchRows,
  unitNames,
} from '../../db/queries/audit-search.queries.js';
import { breakGlassReviews } from '../../db/queries/break-glass.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { presentAuditEvent, presentAuditVisit, unitIdsOf, visitsOf } from './audit-visits.presenter.js';
import { changeAuditSettings } from './audit.commands.js';
import { breakGlassIdsOf, presentAccessLog } from './audit.presenter.js';
import { accessLogSchema } from '../../domain/access/access.responses.js';
import { auditEventsSchema, auditVisitsSchema } from '../../domain/audit/audit.responses.js';
import {
  accessLogQuerySchema,
  type AuditSearchQuery,
  auditSearchQuerySchema,
  auditSettingsBodySchema,
  auditSettingsSchema,
} from './audit.schemas.js';
import { citizenParams } from '../route-params.js';
import { auditOrigin } from './visit.js';

/**
 * The audit trail, read: the citizen's "who has looked at my data and why", the supervisors'
 * search, and the municipality's policy on showing professionals' names to citizens.
 */
export function auditRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/access-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who has looked at my data and why (for the citizen, newest first)',
        params: citizenParams,
        querystring: accessLogQuerySchema,
        response: { 200: accessLogSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'read', resource: 'access_log' },
        decideAccessLogRead,
      );
      const showsNames = await auditShowsNames(db, actor.municipalityId);
      const rows = await accessLogRows(db, actor.municipalityId, citizenId, {
        limit: request.query.limit,
        before: request.query.before ? new Date(request.query.before) : undefined,
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'access_log',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      const reviews = await breakGlassReviews(db, actor.municipalityId, breakGlassIdsOf(rows));
      return { showsNames, items: presentAccessLog(rows, showsNames, reviews) };
    },
  );

  /** Refuses (and audits the refusal of) anyone the policy does not let supervise the trail. */
  const supervisor = async (request: Parameters<typeof professionalOf>[0]) => {
    const actor = professionalOf(request);
    if (canSuperviseAudit(actor)) return actor;
    await context.audit.record({
      actor,
      citizenId: null,
      action: 'search',
      resource: 'audit',
      outcome: 'denied',
      ...auditOrigin(request),
    });
    throw problems.forbidden('Only team leaders and administrators search the audit trail.');
  };
  const criteriaOf = (actor: ReturnType<typeof professionalOf>, query: AuditSearchQuery): AuditCriteria => ({
    citizenId: query.citizenId,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    actorUnitId: actor.role === 'team_leader' ? (actor.unitId ?? undefined) : undefined,
  });

  app.get(
    '/api/audit/events',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: "Search the audit trail (team leader: their unit's staff; administrator: the municipality)",
        querystring: auditSearchQuerySchema,
        response: { 200: auditEventsSchema },
      },
    },
    async (request) => {
      const actor = await supervisor(request);
      const criteria = request.query;
      const rows = await auditSearchRows(
        db,
        actor.municipalityId,
        criteriaOf(actor, criteria),
        criteria.limit,
      );
      await context.audit.record({
        actor,
        citizenId: criteria.citizenId ?? null,
        action: 'search',
        resource: 'audit',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { criteria: { ...criteria }, results: rows.length },
        seenCitizens: rows.flatMap((row) => (row.citizen_id ? [row.citizen_id] : [])),
      });
      return { items: rows.map(presentAuditEvent) };
    },
  );

  app.get(
    '/api/audit/visits',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail by page visit: one row per visit, in words, with the citizen',
        description: `The records of one page visit (the same actor, citizen and visit id the web app sends) are one row; records without a visit id are grouped when the same actor and citizen made them within ${BURST_SECONDS} seconds of each other. With a citizen, also the lists that showed them. \`limit\` counts visits.`,
        querystring: auditSearchQuerySchema,
        response: { 200: auditVisitsSchema },
      },
    },
    async (request) => {
      const actor = await supervisor(request);
      const criteria = request.query;
      // A visit is a handful of records; read enough of them for `limit` visits.
      const rows = await auditSearchRows(
        db,
        actor.municipalityId,
        { ...criteriaOf(actor, criteria), includeLists: true },
        Math.min(criteria.limit * 25, 5000),
      );
      const groups = visitsOf(rows).slice(0, criteria.limit);
      const shown = groups.flatMap((group) => group.entries);
      const citizenIds = [
        ...shown.flatMap((row) => (row.citizen_id ? [row.citizen_id] : [])),
        ...(criteria.citizenId ? [criteria.citizenId] : []),
      ];
      const scope = auditCitizenNameScope(actor);
      const unitScope = actor.unitId ? { unitId: actor.unitId } : 'none';
      const [citizenNames, units] = await Promise.all([
        auditCitizenNames(db, actor.municipalityId, citizenIds, scope === 'unit' ? unitScope : scope),
        unitNames(db, actor.municipalityId, unitIdsOf(shown)),
      ]);
      await context.audit.record({
        actor,
        citizenId: criteria.citizenId ?? null,
        action: 'search',
        resource: 'audit',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { criteria: { ...criteria }, visits: groups.length, results: shown.length },
        seenCitizens: [...new Set(citizenIds)],
      });
      return {
        items: groups.map((group) =>
          presentAuditVisit(group, { citizenNames, units, citizenId: criteria.citizenId }),
        ),
      };
    },
  );

  app.get(
    '/api/audit/settings',
    {
      schema: {
        tags: ['audit'],
        summary: "The municipality's audit policy",
        response: { 200: auditSettingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      return { showNamesToCitizens: await auditShowsNames(db, actor.municipalityId) };
    },
  );

  app.put(
    '/api/audit/settings',
    {
      schema: {
        tags: ['audit'],
        summary: 'Administrators: whether citizens see professionals’ names in their access log',
        body: auditSettingsBodySchema,
        response: { 200: auditSettingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (actor.role !== 'administrator')
        throw problems.forbidden('Only administrators change the audit policy.');
      return changeAuditSettings(context, request, actor, request.body);
    },
  );
}
