import { activeRules } from '../../domain/coordination/engine.js';
import { decideSettingsChange } from '../../domain/access/policy.js';
import type { RuleId } from '../../domain/coordination/rule.js';
import { RULES, ruleById } from '../../domain/coordination/rules.js';
import { loadRuleChoices } from '../../db/queries/coordination-flags.queries.js';
import { latestScanRun } from '../../db/queries/coordination-scan-runs.queries.js';
import { overviewCounts } from '../../db/queries/coordination-views.queries.js';
import { municipalityUnits } from '../../db/queries/unit-staff.queries.js';
import type { App, AppContext } from '../context.js';
import { changeRule, recordGasFollowUp } from '../coordination/coordination.commands.js';
import { presentOverview, presentRule } from '../coordination/coordination.presenter.js';
import {
  gasFollowUpHeaders,
  gasFollowUpParams,
  gasFollowUpRecordedSchema,
  gasFollowUpSchema,
  ruleConfigUpdateSchema,
  ruleParams,
} from '../coordination/coordination.schemas.js';
import {
  coordinationOverviewSchema,
  coordinationRuleSchema,
  coordinationRulesSchema,
} from '../../domain/coordination/flags.responses.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { planEtag, problems, refusedProblem } from '../problem.js';
import { auditOrigin } from '../audit/visit.js';

const LEADER_ROLES = new Set(['team_leader', 'administrator']);

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
        response: { 200: coordinationOverviewSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (!LEADER_ROLES.has(actor.role))
        throw problems.forbidden('The coordination overview is for team leaders and administrators.');
      const [counts, units, lastScan] = await Promise.all([
        overviewCounts(db, actor.municipalityId),
        municipalityUnits(db, actor.municipalityId),
        latestScanRun(db, actor.municipalityId),
      ]);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'coordination-overview',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return presentOverview(counts, units, lastScan);
    },
  );

  app.get(
    '/api/coordination/rules',
    {
      schema: {
        tags: ['coordination'],
        summary: "The coordination rules and this municipality's settings for them",
        response: { 200: coordinationRulesSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const choices = await loadRuleChoices(db, actor.municipalityId);
      const active = new Map(activeRules(choices).map((entry) => [entry.rule.id, entry.settings]));
      return {
        items: RULES.map((rule) =>
          presentRule(
            rule,
            active.has(rule.id),
            active.get(rule.id) ?? { ...rule.defaults, ...(choices[rule.id]?.settings ?? {}) },
          ),
        ),
      };
    },
  );

  app.put(
    '/api/coordination/rules/:ruleId',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Switch a rule on or off, or change its thresholds, for this municipality (administrators)',
        params: ruleParams,
        body: ruleConfigUpdateSchema,
        response: { 200: coordinationRuleSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      // Rules hold for the whole municipality: not one unit's leader's to switch off.
      const decision = decideSettingsChange(actor);
      if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
      const rule = ruleById(request.params.ruleId as RuleId);
      const choice = await changeRule(context, request, actor, rule, request.body);
      return presentRule(rule, choice.enabled, { ...rule.defaults, ...choice.settings });
    },
  );

  app.post(
    '/api/citizens/:citizenId/plan/sub-goals/:subGoalId/gas-follow-ups',
    {
      schema: {
        tags: ['plan', 'coordination'],
        summary:
          "Record a follow-up of a sub-goal's Goal Attainment Scaling level (also when it has not moved)",
        params: gasFollowUpParams,
        headers: gasFollowUpHeaders,
        body: gasFollowUpSchema,
        response: { 201: gasFollowUpRecordedSchema },
      },
    },
    async (request, reply) => {
      const { citizenId, subGoalId } = request.params;
      const recorded = await recordGasFollowUp(
        context,
        request,
        actorOf(request),
        citizenId,
        subGoalId,
        request.body,
      );
      reply.code(201).header('ETag', planEtag(recorded.planVersion));
      return recorded;
    },
  );
}
