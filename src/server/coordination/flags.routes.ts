import { type Actor, decideFlagFollowUp } from '../../domain/access/policy.js';
import { z } from 'zod';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import {
  citizenFlags,
  flagById,
  myDayFlagCounts,
  myDayGapFlags,
} from '../../db/queries/coordination-views.queries.js';
import { citizenAccess } from '../auth/citizen-access.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { flagListSchema, flagSchema, myDayFlagsSchema } from '../../domain/coordination/flags.responses.js';
import {
  acknowledgeSchema,
  dismissSchema,
  flagParams,
  resolveSchema,
} from '../coordination/coordination.schemas.js';
import { hiddenFrom, isFlagShown, presentFlag, unitNamesOf } from '../coordination/flag-presenter.js';
import { changeFlagStatus, presentWithHistory } from '../coordination/flag-status.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

/**
 * My day's flag counts as the hidden-details rule allows: the gap flags the professional may not
 * be shown (isFlagShown) are not counted either; a citizen left with none drops out.
 */
async function withoutHiddenGaps(
  actor: Actor,
  counted: { citizen_id: string; open: number; high: number; owned: number }[],
  gapFlags: Awaited<ReturnType<typeof myDayGapFlags>>,
  context: AppContext,
): Promise<{ citizen_id: string; open: number; high: number; owned: number }[]> {
  const byCitizen = new Map<string, typeof gapFlags>();
  for (const flag of gapFlags)
    byCitizen.set(flag.citizen_id, [...(byCitizen.get(flag.citizen_id) ?? []), flag]);
  const adjusted = await Promise.all(
    counted.map(async (row) => {
      const flags = byCitizen.get(row.citizen_id);
      if (!flags) return row;
      const viewer = hiddenFrom(actor, await citizenAccess(context, actor, row.citizen_id));
      const kept = { ...row };
      for (const flag of flags) {
        if (isFlagShown(flag, viewer)) continue;
        kept.open -= 1;
        if (flag.severity === 'high') kept.high -= 1;
        if (flag.owned) kept.owned -= 1;
      }
      return kept;
    }),
  );
  return adjusted.filter((row) => row.open > 0);
}

/** Coordination flags: on the plan, one by one with history, acknowledged, resolved, dismissed; counts for My day. */
export function flagsRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/flags',
    {
      schema: {
        tags: ['coordination'],
        summary: "The citizen's coordination flags: duplicates, collisions, contradictions, gaps, stalls",
        params: citizenParams,
        querystring: z.strictObject({
          include: z.enum(['open', 'all']).default('open').describe('all: also resolved and dismissed'),
        }),
        response: { 200: flagListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const access = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'flags',
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'flags',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: PLAN_PURPOSE,
      });
      const rows = await citizenFlags(db, actor.municipalityId, citizenId, request.query.include === 'all');
      const names = await unitNamesOf(db, actor.municipalityId, rows);
      const viewer = hiddenFrom(actor, access);
      return {
        items: rows.filter((row) => isFlagShown(row, viewer)).map((row) => presentFlag(row, viewer, names)),
      };
    },
  );

  app.get(
    '/api/flags/:flagId',
    {
      schema: {
        tags: ['coordination'],
        summary: 'One flag with its explanation and history',
        params: flagParams,
        response: { 200: flagSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const flag = await flagById(db, actor.municipalityId, request.params.flagId);
      if (!flag) throw problems.notFound('The flag');
      const resource = `flag:${flag.id}`;
      const access = await authorizeCitizen(
        context,
        request,
        actor,
        flag.citizen_id,
        { action: 'read', resource },
        (actor, access) => decideFlagFollowUp(actor, access, flag.owner_id),
      );
      await context.audit.record({
        actor,
        citizenId: flag.citizen_id,
        action: 'read',
        resource,
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return presentWithHistory(context, actor.municipalityId, flag.id, hiddenFrom(actor, access));
    },
  );

  app.post(
    '/api/flags/:flagId/acknowledge',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Acknowledge a flag: "I have seen it and take it on", with an optional comment',
        params: flagParams,
        body: acknowledgeSchema,
        response: { 200: flagSchema },
      },
    },
    async (request) =>
      changeFlagStatus(
        context,
        request,
        professionalOf(request),
        request.params.flagId,
        'acknowledge',
        request.body.comment ?? null,
      ),
  );

  app.post(
    '/api/flags/:flagId/resolve',
    {
      schema: {
        tags: ['coordination'],
        summary: 'Resolve a flag, saying what was done; refused (409) while the rules still find its cause',
        params: flagParams,
        body: resolveSchema,
        response: { 200: flagSchema },
      },
    },
    async (request) =>
      changeFlagStatus(
        context,
        request,
        professionalOf(request),
        request.params.flagId,
        'resolve',
        request.body.comment,
      ),
  );

  app.post(
    '/api/flags/:flagId/dismiss',
    {
      schema: {
        tags: ['coordination'],
        summary:
          'Dismiss a flag with a reason and a return date; it opens again on that day if its cause remains',
        params: flagParams,
        body: dismissSchema,
        response: { 200: flagSchema },
      },
    },
    async (request) =>
      changeFlagStatus(
        context,
        request,
        professionalOf(request),
        request.params.flagId,
        'dismiss',
        request.body.reason,
        { returnDate: request.body.returnDate },
      ),
  );

  app.get(
    '/api/my-day/flags',
    {
      schema: {
        tags: ['coordination', 'workspace'],
        summary: 'Open coordination flags per citizen for My day: my citizens and the flags I own',
        response: { 200: myDayFlagsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const [counted, gapFlags] = await Promise.all([
        myDayFlagCounts(db, actor.municipalityId, actor.id),
        myDayGapFlags(db, actor.municipalityId, actor.id),
      ]);
      const rows = await withoutHiddenGaps(actor, counted, gapFlags, context);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'my-day-flags',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { citizens: rows.length },
        seenCitizens: rows.map((row) => row.citizen_id),
      });
      return {
        items: rows.map((row) => ({
          citizenId: row.citizen_id,
          open: row.open,
          high: row.high,
          ownedByMe: row.owned,
        })),
        total: rows.reduce((sum, row) => sum + row.open, 0),
      };
    },
  );
}
