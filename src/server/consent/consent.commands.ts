import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import { normaliseCpr } from '../../domain/citizen/cpr.js';
import { type ConsentInput, type ConsentState, consentDateProblem } from '../../domain/consent/consent.js';
import { newId } from '../../db/ids.js';
import {
  type ConsentAnswer,
  consentForUpdate,
  consentsWithNames,
  deleteDelegationSessions,
  insertConsent,
  insertDelegation,
  revokeDelegationRow,
  setConsentAnswer,
} from '../../db/queries/consent.queries.js';
import { type AuditAction, auditInTransaction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { presentConsents } from './consent.presenter.js';
import type {
  Consent as ConsentView,
  Delegation as DelegationView,
} from '../../domain/consent/consent.responses.js';
import type { DelegationGrant } from './consent.schemas.js';
import { auditOrigin } from '../audit/visit.js';
import { inMunicipality } from '../../db/queries/tenant.queries.js';

/**
 * Consent and delegated access (fuldmagt), written: each change in one transaction with its
 * audit record; a consent change invalidates the citizen's cached grants before the answer, so
 * it applies to the next read.
 */

/** The citizen's consents and recorded legal bases, with their full history (newest first). */
export async function listConsents(
  context: AppContext,
  municipalityId: string,
  citizenId: string,
  now: Date = new Date(),
): Promise<ConsentView[]> {
  return presentConsents(await consentsWithNames(context.database.db, municipalityId, citizenId), now);
}

async function consentView(context: AppContext, actor: Actor, citizenId: string, consentId: string) {
  const view = (await listConsents(context, actor.municipalityId, citizenId)).find(
    (item) => item.id === consentId,
  );
  if (!view) throw problems.notFound('The consent');
  return view;
}

/**
 * The citizen gives consent, or a professional records one (pending until the citizen confirms
 * it, unless from a signed declaration) or a legal basis; `state` is what the policy decided.
 */
export async function recordConsent(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  input: ConsentInput,
  state: ConsentState,
  now: Date = new Date(),
): Promise<ConsentView> {
  const { db } = context.database;
  const today = danishToday(now);
  const dateProblem = consentDateProblem(input, today);
  if (dateProblem) throw problems.field(dateProblem.field, dateProblem.message);
  if (input.granteeUnitId && !(await inMunicipality(db, 'unit', actor.municipalityId, input.granteeUnitId)))
    throw problems.badRequest('There is no such unit.', [
      { field: 'granteeUnitId', message: 'is not a unit of this municipality' },
    ]);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertConsent(trx, {
      municipality_id: actor.municipalityId,
      id,
      citizen_id: citizenId,
      grantee_unit_id: input.granteeUnitId ?? null,
      grantee_sector: input.granteeSector ?? null,
      categories: [...new Set(input.categories)],
      purpose: input.purpose,
      case_reference: input.caseReference ?? null,
      basis: input.basis,
      legal_provision: input.legalProvision ?? null,
      state,
      declaration_reference: input.declarationReference ?? null,
      declaration_signed_on: input.declarationSignedOn ?? null,
      confirmed_at: state === 'confirmed' ? now : null,
      valid_from: input.validFrom ?? today,
      valid_until: input.validUntil ?? null,
      recorded_by_kind: actor.kind,
      recorded_by_id: actor.id,
      withdrawn_at: null,
      withdrawn_by_kind: null,
      withdrawn_by_id: null,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'create',
      resource: `consent:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      purpose: input.purpose,
      details: {
        basis: input.basis,
        legalProvision: input.legalProvision ?? null,
        categories: input.categories,
        state,
        declarationReference: input.declarationReference ?? null,
      },
    });
  });
  context.plans.grants.invalidate(actor.municipalityId, citizenId);
  return consentView(context, actor, citizenId, id);
}

/**
 * One answer to a consent the policy let the actor answer: withdrawn (at once), or a pending
 * one confirmed or rejected. The row is read under lock: a consent is withdrawn once, and only
 * a pending one is confirmed or rejected.
 */
export async function answerConsent(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  consentId: string,
  answer: ConsentAnswer,
  audit: AuditAction,
): Promise<ConsentView> {
  await context.database.db.transaction().execute(async (trx) => {
    const row = await consentForUpdate(trx, actor.municipalityId, consentId);
    if (row.withdrawn_at) throw problems.conflict('The consent is already withdrawn.');
    if (answer !== 'withdraw' && row.state !== 'pending')
      throw problems.conflict('The consent is not waiting for your answer.');
    await setConsentAnswer(trx, actor.municipalityId, consentId, answer, actor, new Date());
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: audit,
      resource: `consent:${consentId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      ...(answer === 'withdraw' ? {} : { details: { answer } }),
    });
  });
  context.plans.grants.invalidate(actor.municipalityId, citizenId);
  return consentView(context, actor, citizenId, consentId);
}

/** The citizen grants a relative delegated access from today; the CPR number is kept as its HMAC only. */
export async function grantDelegation(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  input: DelegationGrant,
  now: Date = new Date(),
): Promise<DelegationView> {
  const cpr = normaliseCpr(input.granteeCpr);
  if (!cpr)
    throw problems.badRequest('granteeCpr must be a CPR number.', [
      { field: 'granteeCpr', message: 'must be a CPR number of the form DDMMYY-SSSS' },
    ]);
  const id = newId();
  const validFrom = danishToday(now);
  if (input.validUntil && input.validUntil < validFrom) {
    throw problems.badRequest('validUntil is in the past.', [
      { field: 'validUntil', message: 'must not be in the past' },
    ]);
  }
  await context.database.db.transaction().execute(async (trx) => {
    await insertDelegation(trx, {
      municipality_id: actor.municipalityId,
      id,
      citizen_id: citizenId,
      grantee_cpr_hmac: context.vault.hmac(cpr),
      grantee_name: input.granteeName,
      valid_from: validFrom,
      valid_until: input.validUntil ?? null,
      includes_consent: input.includesConsent,
      revoked_at: null,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'create',
      resource: `delegation:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
  });
  return {
    id,
    granteeName: input.granteeName,
    includesConsent: input.includesConsent,
    validFrom,
    validUntil: input.validUntil ?? null,
    revokedAt: null,
  };
}

/** The citizen revokes delegated access: the relative's sessions end in the same transaction. */
export async function revokeDelegation(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  delegationId: string,
): Promise<void> {
  await context.database.db.transaction().execute(async (trx) => {
    if (!(await revokeDelegationRow(trx, actor.municipalityId, citizenId, delegationId, new Date())))
      throw problems.notFound('The delegation');
    await deleteDelegationSessions(trx, actor.municipalityId, delegationId);
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'end',
      resource: `delegation:${delegationId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
  });
  context.sessions.forgetDelegation(delegationId);
}
