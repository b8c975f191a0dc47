import { z } from 'zod';
import { referralQuery, unansweredReferralCount } from '../../db/queries/coordination-referrals.queries.js';
import { visibleCitizens } from '../auth/visible-citizens.js';
import { citizenAccess } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import {
  advanceReferral,
  createReferral,
  mayViewReferral,
  presentReferral,
  type ReferralStep,
  referralWithHistory,
} from '../coordination/referrals.commands.js';
import {
  referralCommentSchema,
  referralCreateSchema,
  referralReasonSchema,
  referralStartSchema,
} from '../coordination/referral.schemas.js';
import {
  referralListSchema,
  referralSchema,
  unansweredReferralsSchema,
} from '../../domain/coordination/referrals.responses.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems, refusedProblem } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

const referralParams = z.strictObject({ referralId: z.uuid({ error: 'must be a referral id (UUID)' }) });

/** Referrals with a closed loop: requested → accepted / declined → started → completed. */
export function referralsRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.post(
    '/api/citizens/:citizenId/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Refer the citizen to another unit or a civil-society actor, for a sub-goal',
        params: citizenParams,
        body: referralCreateSchema,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) => {
      const referral = await createReferral(
        context,
        request,
        professionalOf(request),
        request.params.citizenId,
        request.body,
      );
      return reply.code(201).send(referral);
    },
  );

  app.get(
    '/api/citizens/:citizenId/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: "The citizen's referrals: for the plan, the coordinator, the units involved and the citizen",
        params: citizenParams,
        response: { 200: referralListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const view = await citizenAccess(context, actor, citizenId);
      let query = referralQuery(db, actor.municipalityId).where('r.citizen_id', '=', citizenId);
      if (!view.decision.allowed) {
        // Without access to the plan a unit still sees the referrals it sent or received.
        if (actor.kind !== 'professional')
          throw refusedProblem(view.decision, request.headers['accept-language']);
        query = query.where((eb) =>
          eb.or([eb('r.from_unit_id', '=', actor.unitId), eb('r.to_unit_id', '=', actor.unitId)]),
        );
      }
      const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id').execute();
      const allowed = view.decision.allowed || rows.length > 0;
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'referrals',
        outcome: allowed ? 'allowed' : 'denied',
        ...auditOrigin(request),
      });
      // Not allowed means the decision was a refusal: answer it.
      if (!allowed && !view.decision.allowed)
        throw refusedProblem(view.decision, request.headers['accept-language']);
      // Anyone who gets here may see the referrals; the name follows the policy (a unit that only
      // sent or received one sees it through the referral's own relation while it is pending).
      const visible = await visibleCitizens(context, actor, [citizenId]);
      return { items: rows.map((row) => presentReferral(row, visible.has(row.citizen_id))) };
    },
  );

  app.get(
    '/api/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: "My unit's referrals: incoming (to answer) or outgoing (sent)",
        querystring: z.strictObject({
          direction: z.enum(['incoming', 'outgoing']).default('incoming'),
          status: z
            .enum(['open', 'unanswered', 'all'])
            .default('open')
            .describe(
              'open: requested, accepted or started; unanswered: requested, waiting for the receiver (the badge)',
            ),
        }),
        response: { 200: referralListSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      let query = referralQuery(db, actor.municipalityId).where(
        request.query.direction === 'incoming' ? 'r.to_unit_id' : 'r.from_unit_id',
        '=',
        actor.unitId,
      );
      if (request.query.status === 'open')
        query = query.where('r.status', 'in', ['requested', 'accepted', 'started']);
      if (request.query.status === 'unanswered') query = query.where('r.status', '=', 'requested');
      const rows = await query.orderBy('r.answer_due').orderBy('r.id').limit(500).execute();
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: `referrals-${request.query.direction}`,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { results: rows.length },
        seenCitizens: rows.map((row) => row.citizen_id),
      });
      const visible = await visibleCitizens(
        context,
        actor,
        rows.map((row) => row.citizen_id),
      );
      return { items: rows.map((row) => presentReferral(row, visible.has(row.citizen_id))) };
    },
  );

  app.get(
    '/api/referrals/unanswered-count',
    {
      schema: {
        tags: ['referrals'],
        summary:
          "How many referrals to my unit wait for its answer: the navigation's badge (the list is direction=incoming&status=unanswered)",
        response: { 200: unansweredReferralsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      // A count names no one: not a read of citizen data.
      return { count: await unansweredReferralCount(db, actor.municipalityId, actor.unitId) };
    },
  );

  app.get(
    '/api/referrals/:referralId',
    {
      schema: {
        tags: ['referrals'],
        summary: 'One referral with its history',
        params: referralParams,
        response: { 200: referralSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await referralQuery(db, actor.municipalityId)
        .where('r.id', '=', request.params.referralId)
        .executeTakeFirst();
      if (!row) throw problems.notFound('The referral');
      const allowed = await mayViewReferral(context, actor, row);
      await context.audit.record({
        actor,
        citizenId: row.citizen_id,
        action: 'read',
        resource: `referral:${row.id}`,
        outcome: allowed ? 'allowed' : 'denied',
        ...auditOrigin(request),
      });
      if (!allowed)
        throw problems.forbidden(
          'Only the units involved, those who work with the citizen and the citizen see a referral.',
        );
      return referralWithHistory(context, actor, row.id);
    },
  );

  const step = (
    name: ReferralStep,
    summary: string,
    body: z.ZodType<{ comment?: string; reason?: string; interventionId?: string }>,
  ): void => {
    app.post(
      `/api/referrals/:referralId/${name}`,
      {
        schema: {
          tags: ['referrals'],
          summary,
          params: referralParams,
          body,
          response: { 200: referralSchema },
        },
      },
      async (request) => {
        const params = request.params as { referralId: string };
        const actor = professionalOf(request);
        return advanceReferral(
          context,
          request,
          actor,
          params.referralId,
          name,
          request.body as { comment?: string },
        );
      },
    );
  };
  step('accept', 'Accept a referral (receiving unit)', referralCommentSchema);
  step('decline', 'Decline a referral with a reason (receiving unit)', referralReasonSchema);
  step(
    'start',
    'Record that the intervention has started, optionally naming it (receiving unit)',
    referralStartSchema,
  );
  step('complete', 'Close the loop: the referral is completed (either unit)', referralCommentSchema);
  step('withdraw', 'Withdraw a referral with a reason (sending unit)', referralReasonSchema);
}
