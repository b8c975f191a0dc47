import { z } from 'zod';
import { decideExport, decideExportCpr } from '../../domain/access/policy.js';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import { danishToday } from '../../domain/calendar.js';
import { exportCitizenRow } from '../../db/queries/export.queries.js';
import { exportAccessLog, exportConsents } from '../export/export-data.js';
import { authorizeCitizen, requireAllowed } from '../auth/citizen-access.js';
import { requireRecentLogin } from '../auth/step-up.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { hiddenInterventions, presentedPlanSchema, presentPlanJson } from '../plan/plan.presenter.js';
import { problems } from '../problem.js';
import { optionalFreeText } from '../../domain/common/text.schemas.js';
import { citizenParams } from '../route-params.js';
import { citizenRetentionSchema } from '../../domain/retention/retention.schemas.js';
import { citizenRetention } from '../retention/retention.commands.js';
import { auditOrigin } from '../audit/visit.js';

const exportBody = z.strictObject({
  includeCpr: z
    .boolean()
    .default(false)
    .describe(
      'Professionals allowed to reveal it only, with a reason: put the full CPR number in the export',
    ),
  reason: optionalFreeText(1000).describe(
    'Why the export needs the full CPR number (required with includeCpr; audited)',
  ),
});

const exportSchema = z
  .object({
    format: z.literal('samspil-plan-export/1'),
    kind: z
      .enum(['data-subject', 'professional'])
      .describe(
        "data-subject: the citizen's copy of their data (GDPR art. 15); professional: the plan as you may see it",
      ),
    exportedAt: z.string(),
    citizen: z.object({
      id: z.uuid(),
      name: z.string(),
      cprMasked: z.string(),
      cpr: z
        .string()
        .optional()
        .describe('Only when asked for with a reason by a professional allowed to see it'),
    }),
    plan: presentedPlanSchema,
    consents: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe("The citizen's copy: consents and recorded legal bases, with history"),
    accessLog: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe("The citizen's copy: who has looked at the data and why"),
    accessLogTruncated: z.boolean().optional(),
    retention: citizenRetentionSchema
      .optional()
      .describe("The citizen's copy: how long the data is kept, and when it would be deleted"),
  })
  .meta({ id: 'PlanExport' });

/**
 * An audited export of one citizen's plan, as a JSON download. The citizen (or a relative with
 * fuldmagt) gets a copy of their data: the plan, consents and who has looked (GDPR art. 15). A
 * professional with access gets the plan exactly as the presenter shapes it for them ("that,
 * not what"). The full CPR number only when explicitly asked for, with a reason, by someone
 * allowed to reveal it, after a recent login; that choice is audited.
 */
export function exportRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.post(
    '/api/citizens/:citizenId/export',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['plan'],
        summary:
          "Export the citizen's plan as a JSON file (audited); the CPR number only on request, with a reason",
        params: citizenParams,
        body: exportBody,
        response: { 200: exportSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { includeCpr, reason } = request.body;
      const {
        plan,
        grants,
        decision,
        granted: exportDecision,
      } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'export', resource: 'plan' },
        decideExport,
      );
      if (includeCpr) {
        if (!reason || reason.length < 10)
          throw problems.badRequest('Say why the export needs the full CPR number.', [
            { field: 'reason', message: 'must say why, in at least 10 characters' },
          ]);
        await requireAllowed(
          context,
          request,
          actor,
          citizenId,
          decideExportCpr(actor, decision, reason),
          'export',
          'cpr',
        );
        await requireRecentLogin(context, request, actor, citizenId, 'export', 'cpr');
      }
      const hidden = hiddenInterventions(plan, actor, exportDecision.basis, grants);
      const presented = JSON.parse(
        (await presentPlanJson(db, actor.municipalityId, plan, hidden)).toString('utf8'),
      ) as {
        citizen: { cprMasked: string };
      };
      const citizen = await exportCitizenRow(db, actor.municipalityId, citizenId);
      if (!citizen) throw problems.notFound('The citizen');
      const body: Record<string, unknown> = {
        format: 'samspil-plan-export/1',
        kind: exportDecision.kind,
        exportedAt: new Date().toISOString(),
        citizen: {
          id: citizenId,
          name: `${citizen.given_name} ${citizen.family_name}`,
          cprMasked: presented.citizen.cprMasked,
        },
        plan: presented,
      };
      if (exportDecision.kind === 'data-subject') {
        body.consents = await exportConsents(db, actor.municipalityId, citizenId);
        const log = await exportAccessLog(db, actor.municipalityId, citizenId);
        body.accessLog = log.entries;
        body.accessLogTruncated = log.truncated;
        body.retention = await citizenRetention(
          db,
          actor.municipalityId,
          citizenId,
          danishToday(context.clock()),
        );
      }
      let cpr: string | null = null;
      if (includeCpr) {
        const number = context.vault.decrypt(citizen.cpr_encrypted);
        cpr = `${number.slice(0, 6)}-${number.slice(6)}`;
      }
      // Durable before the file leaves the server; the CPR choice and its reason included.
      const disclosurePurpose = exportDecision.kind === 'data-subject' ? 'gdpr-art-15' : PLAN_PURPOSE;
      await context.audit.record({
        actor,
        citizenId,
        action: 'export',
        resource: includeCpr ? 'plan,cpr' : 'plan',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: includeCpr ? (reason ?? null) : disclosurePurpose,
        details: {
          kind: exportDecision.kind,
          basis: exportDecision.basis,
          includesCpr: includeCpr,
          version: plan.version,
          detailsHidden: hidden.length,
        },
      });
      if (cpr) (body.citizen as Record<string, unknown>).cpr = cpr;
      const day = danishToday();
      return reply
        .header('Content-Disposition', `attachment; filename="samspil-plan-${day}.json"`)
        .header('Cache-Control', 'no-store')
        .type('application/json')
        .serializer((payload: unknown) => JSON.stringify(payload, null, 2))
        .send(body as z.infer<typeof exportSchema>);
    },
  );
}
