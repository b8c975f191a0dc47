import { z } from 'zod';
import { lastIsoWeeks } from '../../domain/analytics/weeks.js';
import { danishToday } from '../../domain/calendar.js';
import { FLAG_STATUSES } from '../../domain/coordination/flag-diff.js';
import { RULE_IDS, type SEVERITIES } from '../../domain/coordination/rule.js';
import { coordinationTrendSchema, leaderFlagListSchema } from '../../domain/coordination/flags.responses.js';
import { ruleById } from '../../domain/coordination/rules.js';
import type { RuleId } from '../../domain/coordination/rule.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { flagList, type FlagListFilter, unitNames } from '../../db/queries/coordination-drilldown.queries.js';
import { weeklyFlagTrend } from '../../db/queries/coordination-trends.queries.js';
import { visibleCitizens } from '../auth/visible-citizens.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { auditOrigin } from '../audit/visit.js';

const LEADER_ROLES = new Set(['team_leader', 'administrator']);
/** How far back the leaders' trends look. */
export const TREND_WEEKS = 12;

const flagListQuery = z
  .strictObject({
    status: z
      .enum([...FLAG_STATUSES, 'active'])
      .default('active')
      .describe('active: open or acknowledged, as the pair tables count'),
    ruleId: z.enum(RULE_IDS, { error: `must be one of ${RULE_IDS.join(', ')}` }).optional(),
    unitA: z.uuid({ error: 'must be a unit id (UUID)' }).optional(),
    unitB: z.uuid({ error: 'must be a unit id (UUID)' }).optional(),
    sectorA: z.enum(SECTORS).optional(),
    sectorB: z.enum(SECTORS).optional(),
    sector: z.enum(SECTORS).optional().describe('Flags within this one sector'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((query) => (query.unitA === undefined) === (query.unitB === undefined), {
    error: 'give both unitA and unitB, or neither',
    path: ['unitB'],
  })
  .refine((query) => (query.sectorA === undefined) === (query.sectorB === undefined), {
    error: 'give both sectorA and sectorB, or neither',
    path: ['sectorB'],
  })
  .refine((query) => query.sectorA === undefined || query.sectorA !== query.sectorB, {
    error: 'a sector pair is two different sectors; use sector for flags within one',
    path: ['sectorB'],
  });

function requireLeader(role: string): void {
  if (!LEADER_ROLES.has(role))
    throw problems.forbidden('The coordination overview is for team leaders and administrators.');
}

/**
 * What lies behind the leaders' figures: the flags of a tile, a rule, a unit pair or a sector
 * (pair), with the filter in the query, and the weekly course of the last twelve ISO weeks.
 */
export function leaderDrilldownRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/coordination/flags',
    {
      schema: {
        tags: ['coordination'],
        summary:
          'The coordination flags behind a figure of the leaders’ overview, filtered by status, rule, unit pair or sector (pair)',
        querystring: flagListQuery,
        response: { 200: leaderFlagListSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      requireLeader(actor.role);
      const query = request.query;
      const filter: FlagListFilter = {
        statuses: query.status === 'active' ? ['open', 'acknowledged'] : [query.status],
        ...(query.ruleId ? { ruleId: query.ruleId } : {}),
        ...(query.unitA && query.unitB ? { units: [query.unitA, query.unitB] as const } : {}),
        ...(query.sectorA && query.sectorB ? { sectors: [query.sectorA, query.sectorB] as const } : {}),
        ...(query.sector ? { withinSector: query.sector } : {}),
      };
      const found = await flagList(db, actor.municipalityId, filter, {
        limit: query.limit,
        offset: query.offset,
      });
      const names = await unitNames(
        db,
        actor.municipalityId,
        found.rows.flatMap((row) => row.unit_ids),
      );
      // The figure is for every leader; a citizen's name only for one the policy lets see them.
      const visible = await visibleCitizens(
        context,
        actor,
        found.rows.map((row) => row.citizen_id),
      );
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'coordination-flags',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { filter: { ...query }, results: found.rows.length, total: found.total },
        seenCitizens: [...visible],
      });
      return {
        total: found.total,
        citizens: found.citizens,
        limit: query.limit,
        offset: query.offset,
        items: found.rows.map((row) => ({
          id: row.id,
          ruleId: row.rule_id as RuleId,
          title: ruleById(row.rule_id as RuleId).title,
          severity: row.severity as (typeof SEVERITIES)[number],
          status: row.status as (typeof FLAG_STATUSES)[number],
          units: row.unit_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
          sectors: row.sectors,
          createdAt: row.created_at.toISOString(),
          statusAt: row.status_at.toISOString(),
          citizen: visible.has(row.citizen_id)
            ? { id: row.citizen_id, name: `${row.given_name} ${row.family_name}` }
            : null,
        })),
      };
    },
  );

  app.get(
    '/api/coordination/trends',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Open and newly raised coordination signals per ISO week, the last twelve weeks',
        response: { 200: coordinationTrendSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      requireLeader(actor.role);
      const now = new Date();
      const weeks = lastIsoWeeks(danishToday(now), TREND_WEEKS);
      const rows = await weeklyFlagTrend(
        db,
        actor.municipalityId,
        weeks.map((week) => week.start),
        now,
      );
      const byStart = new Map(rows.map((row) => [row.week_start, row]));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'coordination-trends',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return {
        weeks: weeks.map((week) => ({
          ...week,
          open: byStart.get(week.start)?.open_at_end ?? 0,
          raised: byStart.get(week.start)?.raised ?? 0,
        })),
      };
    },
  );
}
