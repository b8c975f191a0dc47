import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.js';
import type { ReportingObjection } from '../../domain/consent/reporting-objection.responses.js';
import { newId } from '../../db/ids.js';
import {
  insertObjection,
  lockCitizenForObjection,
  objectionInForce,
  objectionsOf,
  withdrawObjection,
} from '../../db/queries/reporting-objection.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';

/**
 * The citizen's objection to her data in management figures (decision 0025), read and set.
 * A change is one transaction with its audit record; the figures read the objections live
 * (reportableCitizenSql), so it takes effect on the next figure anyone asks for.
 */

const recorder = (kind: string, name: string | null) => ({
  kind: kind === 'citizen' ? ('citizen' as const) : ('professional' as const),
  name: kind === 'citizen' ? null : name,
});

/** Her setting now, with every objection she has had. */
export async function reportingObjectionOf(
  context: AppContext,
  municipalityId: string,
  citizenId: string,
): Promise<ReportingObjection> {
  const rows = await objectionsOf(context.database.db, municipalityId, citizenId);
  const history = rows.map((row) => ({
    id: row.id,
    objectedAt: row.objected_at.toISOString(),
    recordedBy: recorder(row.recorded_by_kind, row.recorded_by_name),
    withdrawnAt: row.withdrawn_at ? row.withdrawn_at.toISOString() : null,
    withdrawnBy: row.withdrawn_by_kind ? recorder(row.withdrawn_by_kind, row.withdrawn_by_name) : null,
  }));
  const inForce = history.find((item) => item.withdrawnAt === null);
  return {
    objects: inForce !== undefined,
    since: inForce?.objectedAt ?? null,
    recordedBy: inForce?.recordedBy ?? null,
    history,
  };
}

/**
 * Sets her objection (the policy has allowed it): a new objection, the one in force taken back,
 * or nothing when it already stands so (audited all the same, as what was asked). `decidedOn` is
 * the objection in force the policy decided a withdrawal on; if another has taken its place
 * since, the change is refused (409) rather than decided on what is no longer there.
 */
export async function setReportingObjection(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  objects: boolean,
  decidedOn: string | null,
  now: Date = new Date(),
): Promise<ReportingObjection> {
  const { municipalityId } = actor;
  await context.database.db.transaction().execute(async (trx) => {
    await lockCitizenForObjection(trx, municipalityId, citizenId);
    const current = await objectionInForce(trx, municipalityId, citizenId);
    if (!objects && (current?.id ?? null) !== decidedOn)
      throw problems.conflict('The objection changed while you asked; look at it again.');
    const by = { kind: actor.kind, id: actor.id };
    let resource = `reporting-objection:${current?.id ?? 'none'}`;
    let action: 'create' | 'withdraw' | 'update' = 'update';
    if (objects && !current) {
      const id = newId();
      await insertObjection(trx, { municipalityId, id, citizenId, by, at: now });
      resource = `reporting-objection:${id}`;
      action = 'create';
    } else if (!objects && current) {
      await withdrawObjection(trx, municipalityId, current.id, by, now);
      action = 'withdraw';
    }
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action,
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { objects, changed: action !== 'update' },
    });
  });
  return reportingObjectionOf(context, municipalityId, citizenId);
}
