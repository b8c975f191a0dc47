import { z } from 'zod';
import {
  type Actor,
  type ConsentChange,
  decideConsentChange,
  decideDelegationChange,
} from '../../domain/access/policy.js';
import { normaliseCpr } from '../../domain/citizen/cpr.js';
import {
  CONSENT_PURPOSES,
  CONSENT_STATES,
  CONSENT_STATUSES,
  consentDateProblem,
  consentInputSchema,
  consentStatus,
  INFORMATION_CATEGORIES,
  LEGAL_PROVISION_CODES,
} from '../../domain/consent/consent.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { danishToday } from '../../domain/calendar.js';
import { newId } from '../../db/ids.js';
import { listConsentRows, toConsentRecord } from '../../db/queries/consent.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen, requireAllowed } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { isoDate, textLine, token } from '../../domain/common/text.schemas.js';
import { citizenParams } from '../route-params.js';

const consentParams = z.strictObject({
  citizenId: z.uuid({ error: 'must be a citizen id (UUID)' }),
  consentId: z.uuid({ error: 'must be a consent id (UUID)' }),
});
const delegationParams = z.strictObject({
  citizenId: z.uuid({ error: 'must be a citizen id (UUID)' }),
  delegationId: z.uuid({ error: 'must be a delegation id (UUID)' }),
});

const consentViewSchema = z
  .object({
    id: z.uuid(),
    granteeUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    granteeSector: z.enum(SECTORS).nullable(),
    categories: z.array(z.enum(INFORMATION_CATEGORIES)),
    purpose: z.enum(CONSENT_PURPOSES),
    caseReference: z.string().nullable(),
    basis: z.enum(['consent', 'legal_provision']),
    legalProvision: z.enum(LEGAL_PROVISION_CODES).nullable(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    status: z.enum(CONSENT_STATUSES),
    state: z
      .enum(CONSENT_STATES)
      .describe('pending: registered by a professional, waits for the citizen to confirm it (no access)'),
    declaration: z
      .object({ reference: z.string(), signedOn: z.string() })
      .nullable()
      .describe('The signed declaration a professional registered the consent from'),
    recordedBy: z.object({ kind: z.enum(['citizen', 'professional']), name: z.string().nullable() }),
    recordedAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Consent' });

const delegationViewSchema = z
  .object({
    id: z.uuid(),
    granteeName: z.string(),
    includesConsent: z.boolean().describe('Whether the relative may give and withdraw consent'),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Delegation' });

/** The columns one answer to a consent sets. */
function answerColumns(answer: 'withdraw' | 'confirm' | 'reject', actor: Actor, now: Date) {
  if (answer === 'withdraw')
    return { withdrawn_at: now, withdrawn_by_kind: actor.kind, withdrawn_by_id: actor.id };
  if (answer === 'confirm') return { state: 'confirmed', confirmed_at: now };
  return { state: 'rejected' };
}

/**
 * Consent and delegated access (fuldmagt). The citizen gives and withdraws consent; a
 * professional who works with the citizen records a consent given on paper or a legal basis
 * that allows sharing without consent. Every change is audited in its own transaction and
 * invalidates the citizen's cached grants before the answer, so it applies to the next read.
 */
export function consentRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  async function viewsOf(
    municipalityId: string,
    citizenId: string,
  ): Promise<z.infer<typeof consentViewSchema>[]> {
    const rows = await listConsentRows(db, municipalityId, citizenId);
    const unitIds = [...new Set(rows.flatMap((row) => (row.grantee_unit_id ? [row.grantee_unit_id] : [])))];
    const proIds = [
      ...new Set(
        rows.filter((row) => row.recorded_by_kind === 'professional').map((row) => row.recorded_by_id),
      ),
    ];
    const [units, professionals] = await Promise.all([
      unitIds.length
        ? db
            .selectFrom('unit')
            .select(['id', 'name'])
            .where('municipality_id', '=', municipalityId)
            .where('id', 'in', unitIds)
            .execute()
        : [],
      proIds.length
        ? db
            .selectFrom('professional')
            .select(['id', 'name'])
            .where('municipality_id', '=', municipalityId)
            .where('id', 'in', proIds)
            .execute()
        : [],
    ]);
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    const proName = new Map(professionals.map((pro) => [pro.id, pro.name]));
    const now = new Date();
    return rows.map((row) => {
      const record = toConsentRecord(row);
      const state = row.state as (typeof CONSENT_STATES)[number];
      const status = consentStatus(record, now);
      return {
        id: row.id,
        granteeUnit: row.grantee_unit_id
          ? { id: row.grantee_unit_id, name: unitName.get(row.grantee_unit_id) ?? '' }
          : null,
        granteeSector: (row.grantee_sector as (typeof SECTORS)[number] | null) ?? null,
        categories: record.categories as (typeof INFORMATION_CATEGORIES)[number][],
        purpose: record.purpose,
        caseReference: row.case_reference,
        basis: record.basis,
        legalProvision: record.legalProvision,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        status,
        state,
        declaration:
          row.declaration_reference && row.declaration_signed_on
            ? { reference: row.declaration_reference, signedOn: row.declaration_signed_on }
            : null,
        recordedBy: {
          kind: row.recorded_by_kind as 'citizen' | 'professional',
          name: row.recorded_by_kind === 'professional' ? (proName.get(row.recorded_by_id) ?? null) : null,
        },
        recordedAt: row.recorded_at.toISOString(),
        withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
      };
    });
  }

  app.get(
    '/api/citizens/:citizenId/consents',
    {
      schema: {
        tags: ['consent'],
        summary: "The citizen's consents and recorded legal bases, with their full history (newest first)",
        params: citizenParams,
        response: { 200: z.object({ items: z.array(consentViewSchema) }) },
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
        clientIp: request.ip,
      });
      return { items: await viewsOf(actor.municipalityId, citizenId) };
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
        response: { 201: consentViewSchema },
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
      const today = danishToday();
      const dateProblem = consentDateProblem(body, today);
      if (dateProblem)
        throw problems.badRequest(`${dateProblem.field} ${dateProblem.message}.`, [dateProblem]);
      if (body.granteeUnitId) {
        const unit = await db
          .selectFrom('unit')
          .select('id')
          .where('municipality_id', '=', actor.municipalityId)
          .where('id', '=', body.granteeUnitId)
          .executeTakeFirst();
        if (!unit)
          throw problems.badRequest('There is no such unit.', [
            { field: 'granteeUnitId', message: 'is not a unit of this municipality' },
          ]);
      }
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('consent')
          .values({
            municipality_id: actor.municipalityId,
            id,
            citizen_id: citizenId,
            grantee_unit_id: body.granteeUnitId ?? null,
            grantee_sector: body.granteeSector ?? null,
            categories: [...new Set(body.categories)],
            purpose: body.purpose,
            case_reference: body.caseReference ?? null,
            basis: body.basis,
            legal_provision: body.legalProvision ?? null,
            state: granted.state,
            declaration_reference: body.declarationReference ?? null,
            declaration_signed_on: body.declarationSignedOn ?? null,
            confirmed_at: granted.state === 'confirmed' ? new Date() : null,
            valid_from: body.validFrom ?? today,
            valid_until: body.validUntil ?? null,
            recorded_by_kind: actor.kind,
            recorded_by_id: actor.id,
            withdrawn_at: null,
            withdrawn_by_kind: null,
            withdrawn_by_id: null,
          })
          .execute();
        await auditInTransaction(trx, {
          actor,
          citizenId,
          action: 'create',
          resource: `consent:${id}`,
          outcome: 'allowed',
          clientIp: request.ip,
          purpose: body.purpose,
          details: {
            basis: body.basis,
            legalProvision: body.legalProvision ?? null,
            categories: body.categories,
            state: granted.state,
            declarationReference: body.declarationReference ?? null,
          },
        });
      });
      context.plans.grants.invalidate(actor.municipalityId, citizenId);
      const created = (await viewsOf(actor.municipalityId, citizenId)).find((item) => item.id === id);
      if (!created) throw problems.notFound('The consent');
      return reply.code(201).send(created);
    },
  );

  /**
   * One answer to an existing consent: the citizen withdraws it (or a team leader ends the legal
   * basis they recorded), or confirms or rejects one registered as pending. The row is read under
   * lock, the policy decides from who recorded it and on what basis, then it is changed and audited.
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
          response: { 200: consentViewSchema },
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
        const recorded = await db
          .selectFrom('consent')
          .select(['basis', 'recorded_by_kind', 'recorded_by_id'])
          .where('municipality_id', '=', actor.municipalityId)
          .where('citizen_id', '=', citizenId)
          .where('id', '=', consentId)
          .executeTakeFirst();
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
        await db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('consent')
            .select(['withdrawn_at', 'state'])
            .where('municipality_id', '=', actor.municipalityId)
            .where('id', '=', consentId)
            .forUpdate()
            .executeTakeFirstOrThrow();
          if (row.withdrawn_at) throw problems.conflict('The consent is already withdrawn.');
          if (answer !== 'withdraw' && row.state !== 'pending')
            throw problems.conflict('The consent is not waiting for your answer.');
          const now = new Date();
          await trx
            .updateTable('consent')
            .set(answerColumns(answer, actor, now))
            .where('municipality_id', '=', actor.municipalityId)
            .where('id', '=', consentId)
            .execute();
          await auditInTransaction(trx, {
            actor,
            citizenId,
            action: audit,
            resource,
            outcome: 'allowed',
            clientIp: request.ip,
            ...(answer === 'withdraw' ? {} : { details: { answer } }),
          });
        });
        context.plans.grants.invalidate(actor.municipalityId, citizenId);
        const view = (await viewsOf(actor.municipalityId, citizenId)).find((item) => item.id === consentId);
        if (!view) throw problems.notFound('The consent');
        return view;
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
        response: { 200: z.object({ items: z.array(delegationViewSchema) }) },
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
        clientIp: request.ip,
      });
      const rows = await db
        .selectFrom('delegation')
        .select(['id', 'grantee_name', 'includes_consent', 'valid_from', 'valid_until', 'revoked_at'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('citizen_id', '=', citizenId)
        .orderBy('created_at', 'desc')
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          granteeName: row.grantee_name,
          includesConsent: row.includes_consent,
          validFrom: row.valid_from,
          validUntil: row.valid_until,
          revokedAt: row.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/citizens/:citizenId/delegations',
    {
      schema: {
        tags: ['consent'],
        summary: 'The citizen grants a relative delegated access (the CPR number travels in the body only)',
        params: citizenParams,
        body: z.strictObject({
          granteeCpr: token(20).describe('The relative’s CPR number, DDMMYY-SSSS'),
          granteeName: textLine(200),
          validUntil: isoDate.optional(),
          includesConsent: z
            .boolean()
            .default(false)
            .describe('Whether the relative may also give and withdraw consent for the citizen'),
        }),
        response: { 201: delegationViewSchema },
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
      const cpr = normaliseCpr(request.body.granteeCpr);
      if (!cpr)
        throw problems.badRequest('granteeCpr must be a CPR number.', [
          { field: 'granteeCpr', message: 'must be a CPR number of the form DDMMYY-SSSS' },
        ]);
      const id = newId();
      const validFrom = danishToday();
      if (request.body.validUntil && request.body.validUntil < validFrom) {
        throw problems.badRequest('validUntil is in the past.', [
          { field: 'validUntil', message: 'must not be in the past' },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('delegation')
          .values({
            municipality_id: actor.municipalityId,
            id,
            citizen_id: citizenId,
            grantee_cpr_hmac: context.vault.hmac(cpr),
            grantee_name: request.body.granteeName,
            valid_from: validFrom,
            valid_until: request.body.validUntil ?? null,
            includes_consent: request.body.includesConsent,
            revoked_at: null,
          })
          .execute();
        await auditInTransaction(trx, {
          actor,
          citizenId,
          action: 'create',
          resource: `delegation:${id}`,
          outcome: 'allowed',
          clientIp: request.ip,
        });
      });
      return reply.code(201).send({
        id,
        granteeName: request.body.granteeName,
        includesConsent: request.body.includesConsent,
        validFrom,
        validUntil: request.body.validUntil ?? null,
        revokedAt: null,
      });
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
      await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('delegation')
          .set({ revoked_at: new Date() })
          .where('municipality_id', '=', actor.municipalityId)
          .where('citizen_id', '=', citizenId)
          .where('id', '=', delegationId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw problems.notFound('The delegation');
        await trx
          .deleteFrom('session')
          .where('municipality_id', '=', actor.municipalityId)
          .where('delegation_id', '=', delegationId)
          .execute();
        await auditInTransaction(trx, {
          actor,
          citizenId,
          action: 'end',
          resource: `delegation:${delegationId}`,
          outcome: 'allowed',
          clientIp: request.ip,
        });
      });
      context.sessions.forgetDelegation(delegationId);
      return reply.code(204).send(null);
    },
  );
}
