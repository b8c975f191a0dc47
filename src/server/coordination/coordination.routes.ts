import { z } from 'zod';
import { activeRules } from '../../domain/coordination/engine.js';
import { decideSettingsChange } from '../../domain/access/policy.js';
import { RULE_IDS, type RuleId } from '../../domain/coordination/rule.js';
import { RULES, ruleById } from '../../domain/coordination/rules.js';
import { SECTOR_LABELS, type Sector } from '../../domain/organisation/sectors.js';
import { gasLevelSchema } from '../../domain/plan/plan.schemas.js';
import { GAS_SCORER_KINDS } from '../../domain/measures/gas.js';
import { newId } from '../../db/ids.js';
import { loadRuleChoices, saveRuleChoice } from '../../db/queries/coordination-flags.queries.js';
import { latestScanRun } from '../../db/queries/coordination-scan-runs.queries.js';
import { overviewCounts } from '../../db/queries/coordination-views.queries.js';
import type { App, AppContext } from '../context.js';
import {
  overviewSchema,
  ruleConfigSchema,
  ruleConfigUpdateSchema,
} from '../coordination/coordination.schemas.js';
import { forgetRules } from '../coordination/rule-choices-cache.js';
import { changePlan } from '../plan/plan-change.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { planEtag, problems, refusedProblem } from '../problem.js';
import { optionalFreeText, token } from '../../domain/common/text.schemas.js';

const LEADER_ROLES = new Set(['team_leader', 'administrator']);
const PAIRWISE_RULES = new Set<string>(['duplicate', 'collision', 'contradiction']);

/** The leaders' coordination overview, rule configuration per municipality, and GAS follow-ups. */
export function coordinationRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/coordination/overview',
    {
      schema: {
        tags: ['coordination'],
        summary:
          'Municipality-wide coordination overview for leaders: flags by rule, unit pair and sector pair, and the unit pairs that collide most',
        response: { 200: overviewSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (!LEADER_ROLES.has(actor.role))
        throw problems.forbidden('The coordination overview is for team leaders and administrators.');
      const [counts, units, lastScan] = await Promise.all([
        overviewCounts(db, actor.municipalityId),
        db
          .selectFrom('unit')
          .select(['id', 'name'])
          .where('municipality_id', '=', actor.municipalityId)
          .execute(),
        latestScanRun(db, actor.municipalityId),
      ]);
      const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
      const statuses = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
      const totals = {
        open: 0,
        acknowledged: 0,
        resolved: 0,
        dismissed: 0,
        citizensWithOpenFlags: counts.citizens,
      };
      const byRule = RULES.map((rule) => {
        const entry = {
          ruleId: rule.id,
          title: rule.title,
          open: 0,
          acknowledged: 0,
          resolved: 0,
          dismissed: 0,
        };
        for (const row of counts.byRule) {
          if (row.rule_id !== rule.id) continue;
          const status = statuses.find((candidate) => candidate === row.status);
          if (status) {
            entry[status] += row.n;
            totals[status] += row.n;
          }
        }
        return entry;
      });
      const pairs = (
        rows: { a: string; b: string; rule_id: string; n: number }[],
        name: (id: string) => string,
        only?: Set<string>,
      ) => {
        const grouped = new Map<
          string,
          {
            a: { id: string; name: string };
            b: { id: string; name: string };
            open: number;
            byRule: Record<string, number>;
          }
        >();
        for (const row of rows) {
          if (only && !only.has(row.rule_id)) continue;
          const key = `${row.a}|${row.b}`;
          const entry = grouped.get(key) ?? {
            a: { id: row.a, name: name(row.a) },
            b: { id: row.b, name: name(row.b) },
            open: 0,
            byRule: {},
          };
          entry.open += row.n;
          entry.byRule[row.rule_id] = (entry.byRule[row.rule_id] ?? 0) + row.n;
          grouped.set(key, entry);
        }
        return [...grouped.values()].sort(
          (x, y) => y.open - x.open || x.a.name.localeCompare(y.a.name, 'da'),
        );
      };
      const sectorName = (id: string): string => SECTOR_LABELS[id as Sector]?.da ?? id;
      const unitLabel = (id: string): string => unitName.get(id) ?? id;
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'coordination-overview',
        outcome: 'allowed',
        clientIp: request.ip,
      });
      return {
        totals,
        byRule,
        byUnitPair: pairs(counts.unitPairs, unitLabel).slice(0, 50),
        // A pair is two different sectors; collaboration within one sector is its own table.
        bySectorPair: pairs(
          counts.sectorPairs.filter((row) => row.a !== row.b),
          sectorName,
        ).slice(0, 50),
        withinSector: pairs(
          counts.sectorPairs.filter((row) => row.a === row.b),
          sectorName,
        ).map((pair) => ({ sector: pair.a, open: pair.open, byRule: pair.byRule })),
        mostCollidingUnitPairs: pairs(counts.unitPairs, unitLabel, PAIRWISE_RULES).slice(0, 10),
        lastScan:
          lastScan?.finished_at != null
            ? {
                day: lastScan.day,
                trigger: lastScan.trigger,
                finishedAt: lastScan.finished_at.toISOString(),
                created: lastScan.created,
                resolved: lastScan.resolved,
                failed: lastScan.error !== null,
              }
            : null,
      };
    },
  );

  app.get(
    '/api/coordination/rules',
    {
      schema: {
        tags: ['coordination'],
        summary: "The coordination rules and this municipality's settings for them",
        response: { 200: z.object({ items: z.array(ruleConfigSchema) }) },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const choices = await loadRuleChoices(db, actor.municipalityId);
      const active = new Map(activeRules(choices).map((entry) => [entry.rule.id, entry.settings]));
      return {
        items: RULES.map((rule) => ({
          id: rule.id,
          title: rule.title,
          description: rule.description,
          severity: rule.severity,
          enabled: active.has(rule.id),
          settings: active.get(rule.id) ?? { ...rule.defaults, ...(choices[rule.id]?.settings ?? {}) },
          defaults: rule.defaults,
        })),
      };
    },
  );

  app.put(
    '/api/coordination/rules/:ruleId',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Switch a rule on or off, or change its thresholds, for this municipality (administrators)',
        params: z.strictObject({
          ruleId: z.enum(RULE_IDS, { error: `must be one of ${RULE_IDS.join(', ')}` }),
        }),
        body: ruleConfigUpdateSchema,
        response: { 200: ruleConfigSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      // Rules hold for the whole municipality: not one unit's leader's to switch off.
      const decision = decideSettingsChange(actor);
      if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
      const rule = ruleById(request.params.ruleId as RuleId);
      const parsed = rule.settingsSchema.safeParse(request.body.settings ?? {});
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({
          field: ['settings', ...issue.path.map(String)].join('.'),
          message: issue.message,
        }));
        throw problems.badRequest(
          errors.map((error) => `${error.field}: ${error.message}`).join('; '),
          errors,
        );
      }
      const current = (await loadRuleChoices(db, actor.municipalityId))[rule.id];
      const choice = {
        enabled: request.body.enabled ?? current?.enabled ?? true,
        settings: { ...(current?.settings ?? {}), ...parsed.data },
      };
      await saveRuleChoice(db, actor.municipalityId, rule.id, choice, actor.id);
      forgetRules(actor.municipalityId);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'update',
        resource: `coordination-rule:${rule.id}`,
        outcome: 'allowed',
        clientIp: request.ip,
        details: { enabled: choice.enabled, settings: choice.settings },
      });
      return {
        id: rule.id,
        title: rule.title,
        description: rule.description,
        severity: rule.severity,
        enabled: choice.enabled,
        settings: { ...rule.defaults, ...choice.settings },
        defaults: rule.defaults,
      };
    },
  );

  app.post(
    '/api/citizens/:citizenId/plan/sub-goals/:subGoalId/gas-follow-ups',
    {
      schema: {
        tags: ['plan', 'coordination'],
        summary:
          "Record a follow-up of a sub-goal's Goal Attainment Scaling level (also when it has not moved)",
        params: z.strictObject({
          citizenId: z.uuid({ error: 'must be a citizen id (UUID)' }),
          subGoalId: z.uuid({ error: 'must be a sub-goal id (UUID)' }),
        }),
        headers: z.object({ 'if-match': token(100).optional().describe('The ETag of the plan (required)') }),
        body: z.strictObject({
          gasLevel: gasLevelSchema,
          note: optionalFreeText(1000),
          scorer: z
            .enum(GAS_SCORER_KINDS, {
              error: 'must be citizen, relative, professional or independent-assessor',
            })
            .default('professional')
            .describe(
              'Who gave the score: the citizen, a relative, the professional or an independent assessor',
            ),
        }),
        response: {
          201: z.object({
            id: z.uuid(),
            gasLevel: z.number().int(),
            scorer: z.enum(GAS_SCORER_KINDS),
            planVersion: z.number().int(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { citizenId, subGoalId } = request.params;
      const { gasLevel, note, scorer } = request.body;
      const historyId = newId();
      const { plan } = await changePlan(
        context,
        {
          actor: actorOf(request),
          citizenId,
          ifMatch: request.headers['if-match'],
          clientIp: request.ip,
          acceptLanguage: request.headers['accept-language'],
        },
        async (scope) => {
          scope.authorize('change-sub-goal');
          const goal = await scope.trx
            .selectFrom('sub_goal')
            .select(['gas_level', 'gas_weight', 'status'])
            .where('municipality_id', '=', scope.municipalityId)
            .where('citizen_id', '=', scope.citizenId)
            .where('id', '=', subGoalId)
            .executeTakeFirst();
          if (!goal) throw problems.notFound('The sub-goal');
          if (goal.status !== 'active') throw problems.conflict('Only an active sub-goal is followed up.');
          await scope.trx
            .updateTable('sub_goal')
            .set({ gas_level: gasLevel })
            .where('municipality_id', '=', scope.municipalityId)
            .where('id', '=', subGoalId)
            .execute();
          await scope.trx
            .insertInto('sub_goal_gas_history')
            .values({
              municipality_id: scope.municipalityId,
              id: historyId,
              sub_goal_id: subGoalId,
              citizen_id: scope.citizenId,
              gas_level: gasLevel,
              gas_weight: goal.gas_weight,
              scorer_kind: scorer,
              recorded_by: scope.actor.id,
              note: note ?? null,
            })
            .execute();
          return [
            {
              entity: 'sub_goal',
              entityId: subGoalId,
              action: 'update',
              before: { gasLevel: goal.gas_level },
              // gasFollowUp: already recorded here, so the coordination check does not record it again.
              after: { gasLevel, gasFollowUp: true, note: note ?? null, scorer },
            },
          ];
        },
      );
      reply.code(201).header('ETag', planEtag(plan.version));
      return { id: historyId, gasLevel, scorer, planVersion: plan.version };
    },
  );
}
