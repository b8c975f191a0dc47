import { z } from 'zod';
import { decideDecisionLetter } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';
import { renderPdf } from '../plan-pdf/plan-pdf.render.js';
import { actorOf } from '../plugins/auth.js';
import { languageOf, problems } from '../problem.js';
import { idParam } from '../route-params.js';
import { composeDecisionLetter, LETTER_KINDS } from './decision-letter.document.js';
import { listDecisions } from './decisions.commands.js';
import { decisionUnit } from '../../db/queries/decision.queries.js';

const letterParams = z.strictObject({
  citizenId: idParam('citizen'),
  decisionId: idParam('decision'),
  letter: z.enum(LETTER_KINDS, { error: 'must be hearing or final' }),
});
const letterQuery = z.strictObject({
  lang: z.enum(['da', 'en'], { error: 'must be da or en' }).optional(),
});

/**
 * A decision's letters as PDF (issue 14, item 7): the hearing letter once it is sent to hearing,
 * the final decision once it is made. For her (in her portal) and those who see her decisions;
 * every download audited.
 */
export function decisionLetterRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/citizens/:citizenId/decisions/:decisionId/letters/:letter',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['decisions', 'citizen'],
        summary: 'A decision’s letter as a PDF (audited): the hearing letter or the final decision',
        params: letterParams,
        querystring: letterQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId, decisionId, letter } = request.params;
      const resource = `decision_letter:${decisionId}`;
      const unitId = await decisionUnit(context.database.db, actor.municipalityId, citizenId, decisionId);
      const { granted } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'read', resource },
        // An unknown decision: a 404 for those who may read her letters at all.
        (a, access) => decideDecisionLetter(a, access, unitId ?? (a.kind === 'professional' ? a.unitId : '')),
      );
      const [decision] = await listDecisions(
        context,
        actor,
        granted.basis,
        citizenId,
        new Date(),
        decisionId,
      );
      const available = letter === 'final' ? decision?.status === 'final' : decision?.hearingUntil;
      if (!decision || !available) throw problems.notFound('The letter');
      const header = request.headers['accept-language'];
      const language = request.query.lang ?? (header ? languageOf(header) : 'da');
      const today = danishToday();
      const pdf = await renderPdf(composeDecisionLetter(decision, letter, { language, today }));
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: {
          letter,
          basis: granted.basis,
          format: 'pdf',
          description: 'Hentede et brev om en afgørelse',
        },
      });
      return reply
        .header(
          'Content-Disposition',
          `attachment; filename="samspil-${letter === 'final' ? 'afgoerelse' : 'partshoering'}-${today}.pdf"`,
        )
        .header('Cache-Control', 'no-store')
        .type('application/pdf')
        .send(pdf);
    },
  );
}
