import { z } from 'zod';
import {
  type ConsentChange,
  decideConsentChange,
  decideDelegationChange,
} from '../../domain/access/policy.js';
import { consentInputSchema } from '../../domain/consent/consent.js';
import { consentRecordedBy, delegationsOfCitizen } from '../../db/queries/consent.queries.js';
import { authorizeCitizen, requireAllowed } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { citizenParams } from '../route-params.js';
import {
  answerConsent,
  grantDelegation,
  listConsents,
  recordConsent,
  revokeDelegation,
} from './consent.commands.js';
import { presentDelegation } from './consent.presenter.js';
import {
  consentListSchema,
  consentSchema,
  delegationListSchema,
  delegationSchema,
} from '../../domain/consent/consent.responses.js';
import { consentParams, delegationGrantBody, delegationParams } from './consent.schemas.js';
import { auditOrigin } from '../audit/visit.js';
import { reportingObjectionRoutes } from './reporting-objection.routes.js';

/**
 * Consent and delegated access (fuldmagt). The citizen gives and withdraws consent; a
 * professional who works with the citizen records a consent given on paper or a legal basis
 * that allows sharing without consent. Every change is audited in its own transaction and
 * invalidates the citizen's cached grants before the answer, so it applies to the next read.
 */
export function consentRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/consents',
    {
      schema: {
        tags: ['consent'],
        summary: "The citizen's consents and recorded legal bases, with their full history (newest first)",
        params: citizenParams,
        response: { 200: consentListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(context, request, actor, citizenId, { action: 'read', resource: 'consent' });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'consent',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return { items: await listConsents(context, actor.municipalityId, citizenId) };
    },
  );

  app.post(
    '/api/citizens/:citizenId/consents',
    {
      schema: {
        tags: ['consent'],
        summary: 'Give consent (citizen), or record a consent or a legal basis (professional)',
        params: citizenParams,
        body: consentInputSchema,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const body = request.body;
      const change: ConsentChange = {
        act: 'record',
        basis: body.basis,
        withDeclaration: body.declarationReference !== undefined,
      };
      const { granted } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'create', resource: 'consent' },
        (actor, access) => decideConsentChange(actor, access, change),
      );
      const created = await recordConsent(context, request, actor, citizenId, body, granted.state);
      return reply.code(201).send(created);
    },
  );

  /**
   * One answer to an existing consent: the citizen withdraws it (or a team leader ends the legal
   * basis they recorded), or confirms or rejects one registered as pending. The policy decides
   * from who recorded it and on what basis, then the command changes it under lock and audits it.
   */
  const answers = {
    withdraw: {
      summary:
        'Withdraw a consent (the citizen; takes effect at once) or end a legal basis (its team leader)',
      audit: 'withdraw',
    },
    confirm: {
      summary: 'The citizen confirms a consent a professional registered as pending',
      audit: 'update',
    },
    reject: {
      summary: 'The citizen rejects a consent a professional registered as pending',
      audit: 'update',
    },
  } as const;
  for (const [answer, { summary, audit }] of Object.entries(answers) as [
    keyof typeof answers,
    (typeof answers)[keyof typeof answers],
  ][]) {
    app.post(
      `/api/citizens/:citizenId/consents/:consentId/${answer}`,
      {
        schema: {
          tags: ['consent'],
          summary,
          params: consentParams,
          body: z.strictObject({}).optional(),
          response: { 200: consentSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { citizenId, consentId } = request.params;
        const resource = `consent:${consentId}`;
        const { decision } = await authorizeCitizen(context, request, actor, citizenId, {
          action: audit,
          resource,
        });
        // Who recorded it and on what basis never change: decide before the locked write.
        const recorded = await consentRecordedBy(db, actor.municipalityId, citizenId, consentId);
        if (!recorded) throw problems.notFound('The consent');
        const change: ConsentChange =
          answer === 'withdraw'
            ? {
                act: 'withdraw',
                consent: {
                  basis: recorded.basis as 'consent' | 'legal_provision',
                  recordedBy: { kind: recorded.recorded_by_kind, id: recorded.recorded_by_id },
                },
              }
            : { act: 'answer' };
        await requireAllowed(
          context,
          request,
          actor,
          citizenId,
          decideConsentChange(actor, decision, change),
          audit,
          resource,
        );
        return answerConsent(context, request, actor, citizenId, consentId, answer, audit);
      },
    );
  }

  app.get(
    '/api/citizens/:citizenId/delegations',
    {
      schema: {
        tags: ['consent'],
        summary: 'Relatives with delegated access (fuldmagt)',
        params: citizenParams,
        response: { 200: delegationListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(context, request, actor, citizenId, { action: 'read', resource: 'delegation' });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'delegation',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      const rows = await delegationsOfCitizen(db, actor.municipalityId, citizenId);
      return { items: rows.map(presentDelegation) };
    },
  );

  app.post(
    '/api/citizens/:citizenId/delegations',
    {
      schema: {
        tags: ['consent'],
        summary: 'The citizen grants a relative delegated access (the CPR number travels in the body only)',
        params: citizenParams,
        body: delegationGrantBody,
        response: { 201: delegationSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'create', resource: 'delegation' },
        (actor, access) => decideDelegationChange(actor, access, 'grant'),
      );
      return reply.code(201).send(await grantDelegation(context, request, actor, citizenId, request.body));
    },
  );

  app.post(
    '/api/citizens/:citizenId/delegations/:delegationId/revoke',
    {
      schema: {
        tags: ['consent'],
        summary: 'The citizen revokes delegated access; the relative’s sessions end at once',
        params: delegationParams,
        body: z.strictObject({}).optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId, delegationId } = request.params;
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'update', resource: 'delegation' },
        (actor, access) => decideDelegationChange(actor, access, 'revoke'),
      );
      await revokeDelegation(context, request, actor, citizenId, delegationId);
      return reply.code(204).send(null);
    },
  );

  reportingObjectionRoutes(app, context);
}
