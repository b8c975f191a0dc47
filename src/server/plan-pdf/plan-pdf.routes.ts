import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decideExport, decidePlanPdf, pdfAudience } from '../../domain/access/policy.js';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import { danishToday } from '../../domain/calendar.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { exportAccessLog, exportConsents } from '../export/export-data.js';
import { actorOf } from '../plugins/auth.js';
import { hiddenInterventions, presentPlanJson } from '../plan/plan.presenter.js';
import { languageOf } from '../problem.js';
import { composeExportPdf } from './export-pdf.document.js';
import { composePlanPdf, type PresentedPlan } from './plan-pdf.document.js';
import { renderPdf } from './plan-pdf.render.js';
import type { PdfLanguage } from './plan-pdf.texts.js';
import { citizenParams } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

const pdfQuery = z.strictObject({
  lang: z
    .enum(['da', 'en'], { error: 'must be da or en' })
    .optional()
    .describe('The language of the PDF; without it, Accept-Language decides (Danish by default)'),
});

/** The PDF's language: the `lang` query, else Accept-Language, else Danish. */
export function pdfLanguage(request: FastifyRequest, lang: PdfLanguage | undefined): PdfLanguage {
  if (lang) return lang;
  const header = request.headers['accept-language'];
  return header ? languageOf(header) : 'da';
}

type SeenBy = Parameters<typeof hiddenInterventions>;

/** The plan as this reader may see it: the plan JSON's own presenter, hidden details and all. */
async function planAsSeen(
  context: AppContext,
  plan: SeenBy[0],
  actor: SeenBy[1],
  basis: SeenBy[2],
  grants: SeenBy[3],
): Promise<{ presented: PresentedPlan; hiddenCount: number }> {
  const hidden = hiddenInterventions(plan, actor, basis, grants);
  const json = await presentPlanJson(context.database.db, actor.municipalityId, plan, hidden);
  return { presented: JSON.parse(json.toString('utf8')) as PresentedPlan, hiddenCount: hidden.length };
}

export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): FastifyReply {
  return reply
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'no-store')
    .type('application/pdf')
    .send(pdf);
}

/**
 * The plan as a PDF, made on the server: GET …/plan.pdf for anyone who may read the plan (the
 * same policy rule), each their own view — the professional's version with what the presenter
 * lets them see, the citizen's (and a relative's) in plain language — audited like any read.
 * GET …/export.pdf is the readable form of the JSON data export, audited as an export.
 */
export function planPdfRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/plan.pdf',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['plan'],
        summary:
          'The plan as a PDF to print or share (audited): the professional’s view, or the citizen’s in plain language',
        params: citizenParams,
        querystring: pdfQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const language = pdfLanguage(request, request.query.lang);
      const { plan, grants, granted } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'read', resource: 'plan_pdf' },
        decidePlanPdf,
      );
      const { presented, hiddenCount } = await planAsSeen(context, plan, actor, granted.basis, grants);
      const today = danishToday();
      const pdf = await renderPdf(composePlanPdf(presented, { audience: granted.audience, language, today }));
      // Durable before the file leaves the server.
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'plan_pdf',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: PLAN_PURPOSE,
        details: {
          basis: granted.basis,
          version: plan.version,
          detailsHidden: hiddenCount,
          format: 'pdf',
          audience: granted.audience,
          description: 'Hentede planen som PDF',
        },
      });
      return sendPdf(reply, pdf, `samspil-plan-${today}.pdf`);
    },
  );

  app.get(
    '/api/citizens/:citizenId/export.pdf',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['plan'],
        summary:
          'The data export as a readable PDF (audited): for the citizen, the plan, consents and who has looked',
        params: citizenParams,
        querystring: pdfQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const language = pdfLanguage(request, request.query.lang);
      const { plan, grants, granted } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'export', resource: 'export_pdf' },
        decideExport,
      );
      const { presented, hiddenCount } = await planAsSeen(context, plan, actor, granted.basis, grants);
      const dataSubject = granted.kind === 'data-subject';
      const [consents, log] = dataSubject
        ? await Promise.all([
            exportConsents(db, actor.municipalityId, citizenId),
            exportAccessLog(db, actor.municipalityId, citizenId),
          ])
        : [[], { entries: [], truncated: false }];
      const audience = pdfAudience(actor);
      const today = danishToday();
      const pdf = await renderPdf(
        composeExportPdf(
          { plan: presented, consents, accessLog: log.entries, accessLogTruncated: log.truncated },
          { audience, language, today },
        ),
      );
      await context.audit.record({
        actor,
        citizenId,
        action: 'export',
        resource: 'export_pdf',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: dataSubject ? 'gdpr-art-15' : PLAN_PURPOSE,
        details: {
          kind: granted.kind,
          basis: granted.basis,
          includesCpr: false,
          version: plan.version,
          detailsHidden: hiddenCount,
          format: 'pdf',
        },
      });
      return sendPdf(reply, pdf, `samspil-kopi-${today}.pdf`);
    },
  );
}
