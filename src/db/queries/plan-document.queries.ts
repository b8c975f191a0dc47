import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type CitizenRelations,
  type MeetingRelation,
  meetingRelationUntil,
} from '../../domain/access/policy.js';
import { maskCpr } from '../../domain/citizen/cpr.js';
import { parseSchedule } from '../../domain/coordination/schedule.js';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import type { PyramidLevel, Sector } from '../../domain/organisation/sectors.js';
import { pathwayView } from '../../domain/plan/pathway-view.js';
import type { TemplateDefinition } from '../../domain/plan/pathway-template.js';
import type { PathwayOutcome } from '../../domain/plan/pathway-outcome.js';
import { composePlan, type PlanParts } from '../../domain/plan/plan.compose.js';
import type { InterventionStatus, SubGoalStatus, TeamMemberKind } from '../../domain/plan/plan.schemas.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface PlanDocumentRow {
  citizenId: string;
  version: number;
  relatedProfessionalIds: string[];
  relatedUnitIds: string[];
  /** Units with a pending (requested, not yet answered) referral. */
  referralUnitIds: string[];
  /** Professionals invited to a planned or held meeting whose relationship has not ended. */
  meetingRelations: MeetingRelation[];
  document: PlanOverview;
}

/** The read model's relation columns, as selected by the access checks. */
export const RELATION_COLUMNS = [
  'related_professional_ids',
  'related_unit_ids',
  'referral_unit_ids',
  'meeting_relations',
] as const;

/** The relations a plan_document row carries, as the access policy reads them. */
export function relationsOf(
  citizenId: string,
  row: {
    related_professional_ids: string[];
    related_unit_ids: string[];
    referral_unit_ids: string[];
    meeting_relations: unknown;
  },
): CitizenRelations {
  return {
    citizenId,
    professionalIds: row.related_professional_ids,
    unitIds: row.related_unit_ids,
    referralUnitIds: row.referral_unit_ids,
    meetings: parseMeetingRelations(row.meeting_relations),
  };
}

/** A template version's definition: parsed from pg, text from PGlite. */
function definitionOf(value: unknown): TemplateDefinition {
  return (typeof value === 'string' ? JSON.parse(value) : value) as TemplateDefinition;
}

/** jsonb arrives parsed from pg and as text or parsed from PGlite, depending on how it was selected. */
function parseMeetingRelations(value: unknown): MeetingRelation[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as MeetingRelation[]) : [];
}

/**
 * The shape of the plan document this code builds. Raise it when rebuildPlanDocuments puts
 * something new in the document (or changes a part): at start-up, upgradePlanDocuments rebuilds
 * every stored document of a lower format, so no plan is served in the old shape.
 * 1: pathway stages, follow-up dates of sub-goals, meeting pages (issue 14).
 * 2: the coded outcome of an ended pathway (issue 15, migration 038).
 */
export const PLAN_DOCUMENT_FORMAT = 2;

/**
 * Rebuilds, in batches, every stored plan document built by an older shape of the code; returns
 * how many. Each batch is its own transaction, so a large municipality does not hold one long
 * one, and a crash midway leaves the rest for the next start. The caller runs it alone
 * (database.exclusively), as it runs the migrations.
 */
export async function upgradePlanDocuments(
  db: Kysely<DB>,
  onProgress?: (done: number) => void,
  batchSize = 500,
): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db
      .selectFrom('plan_document')
      .select(['municipality_id', 'citizen_id'])
      .where('format', '<', PLAN_DOCUMENT_FORMAT)
      .orderBy('municipality_id')
      .limit(batchSize)
      .execute();
    if (stale.length === 0) return done;
    const byMunicipality = new Map<string, string[]>();
    for (const row of stale) {
      const ids = byMunicipality.get(row.municipality_id) ?? [];
      ids.push(row.citizen_id);
      byMunicipality.set(row.municipality_id, ids);
    }
    await db.transaction().execute(async (trx) => {
      for (const [municipalityId, ids] of byMunicipality) {
        await rebuildPlanDocuments(trx, municipalityId, ids);
        // A document the rebuild did not reach (its citizen is gone) must not be picked again forever.
        await trx
          .updateTable('plan_document')
          .set({ format: PLAN_DOCUMENT_FORMAT })
          .where('municipality_id', '=', municipalityId)
          .where('citizen_id', 'in', ids)
          .where('format', '<', PLAN_DOCUMENT_FORMAT)
          .execute();
      }
    });
    done += stale.length;
    onProgress?.(done);
  }
}

/**
 * Rebuilds the plan read model of the given citizens from the normalised tables, five
 * set-based queries whatever the number of citizens. Called inside every plan write (one
 * citizen) and by bulk loaders (thousands at a time).
 */
export async function rebuildPlanDocuments(
  db: Executor,
  municipalityId: string,
  citizenIds: readonly string[],
): Promise<PlanDocumentRow[]> {
  if (citizenIds.length === 0) return [];
  const ids = [...citizenIds];
  const [citizens, subGoals, interventions, links, team, referrals, meetings, pathways, ownSteps, comments] =
    await Promise.all([
      db
        .selectFrom('citizen as c')
        .leftJoin('plan as p', (join) =>
          join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.citizen_id', '=', 'c.id'),
        )
        .leftJoin('professional as editor', (join) =>
          join
            .onRef('editor.municipality_id', '=', 'p.municipality_id')
            .onRef('editor.id', '=', 'p.updated_by'),
        )
        .select([
          'editor.id as editor_id',
          'editor.name as editor_name',
          'c.id',
          'c.given_name',
          'c.family_name',
          'c.cpr_birth_part',
          'p.version',
          'p.goal_own_words',
          'p.goal_professional',
          'p.updated_at',
        ])
        .where('c.municipality_id', '=', municipalityId)
        .where('c.id', 'in', ids)
        .execute(),
      db
        .selectFrom('sub_goal')
        .select([
          'id',
          'citizen_id',
          'title',
          'measure',
          'target_date',
          'follow_up_date',
          'gas_level',
          'gas_weight',
          'status',
          'end_reason',
        ])
        .where('municipality_id', '=', municipalityId)
        .where('citizen_id', 'in', ids)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('intervention as i')
        .innerJoin('intervention_type as t', (join) =>
          join.onRef('t.municipality_id', '=', 'i.municipality_id').onRef('t.id', '=', 'i.type_id'),
        )
        .innerJoin('unit as u', (join) =>
          join.onRef('u.municipality_id', '=', 'i.municipality_id').onRef('u.id', '=', 'i.unit_id'),
        )
        .leftJoin('professional as r', (join) =>
          join.onRef('r.municipality_id', '=', 'i.municipality_id').onRef('r.id', '=', 'i.responsible_id'),
        )
        .select([
          'i.id',
          'i.citizen_id',
          'i.legal_basis',
          'i.purpose',
          'i.start_date',
          'i.end_date',
          'i.follow_up_date',
          'i.frequency',
          'i.status',
          'i.cost_ore',
          'i.end_reason',
          'i.schedule',
          'i.case_reference',
          'i.recorded_by',
          'i.awaiting_confirmation',
          't.id as type_id',
          't.code as type_code',
          't.name as type_name',
          't.category',
          't.sector',
          't.pyramid_level',
          't.business_directed',
          'u.id as unit_id',
          'u.name as unit_name',
          'r.id as responsible_id',
          'r.name as responsible_name',
          'r.profession as responsible_profession',
          'r.phone as responsible_phone',
          'r.email as responsible_email',
        ])
        .where('i.municipality_id', '=', municipalityId)
        .where('i.citizen_id', 'in', ids)
        .orderBy('i.start_date')
        .orderBy('i.id')
        .execute(),
      db
        .selectFrom('intervention_sub_goal as l')
        .innerJoin('intervention as i', (join) =>
          join.onRef('i.municipality_id', '=', 'l.municipality_id').onRef('i.id', '=', 'l.intervention_id'),
        )
        .select(['i.citizen_id', 'l.intervention_id', 'l.sub_goal_id'])
        .where('l.municipality_id', '=', municipalityId)
        .where('i.citizen_id', 'in', ids)
        .execute(),
      db
        .selectFrom('team_member as m')
        .leftJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'm.municipality_id').onRef('p.id', '=', 'm.professional_id'),
        )
        .leftJoin('unit as u', (join) =>
          join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
        )
        .select([
          'm.id',
          'm.citizen_id',
          'm.kind',
          'm.professional_id',
          'm.name',
          'm.relation',
          'm.role',
          'm.is_coordinator',
          'm.phone',
          'm.email',
          'm.start_date',
          'p.name as professional_name',
          'p.profession',
          'p.phone as professional_phone',
          'p.email as professional_email',
          'u.id as unit_id',
          'u.name as unit_name',
          'u.sector as unit_sector',
        ])
        .where('m.municipality_id', '=', municipalityId)
        .where('m.citizen_id', 'in', ids)
        .where('m.ended_at', 'is', null)
        .orderBy('m.is_coordinator', 'desc')
        .orderBy('m.start_date')
        .orderBy('m.id')
        .execute(),
      // A pending referral lets every professional of the receiving unit read the plan until it is
      // answered; accepting it puts the accepting professional on the team (a lasting relationship).
      db
        .selectFrom('referral')
        .select(['citizen_id', 'to_unit_id'])
        .where('municipality_id', '=', municipalityId)
        .where('citizen_id', 'in', ids)
        .where('status', '=', 'requested')
        .where('to_unit_id', 'is not', null)
        .execute(),
      // A meeting is a relationship: its organiser and invited professionals, until some days after it.
      db
        .selectFrom('meeting as mt')
        .innerJoin('municipality as mu', 'mu.id', 'mt.municipality_id')
        .leftJoin('meeting_participant as mp', (join) =>
          join
            .onRef('mp.municipality_id', '=', 'mt.municipality_id')
            .onRef('mp.meeting_id', '=', 'mt.id')
            .on('mp.kind', '=', 'professional'),
        )
        .select([
          'mt.citizen_id',
          'mt.id',
          'mt.starts_at',
          'mt.organiser_id',
          'mp.professional_id',
          'mu.meeting_relation_days',
        ])
        .where('mt.municipality_id', '=', municipalityId)
        .where('mt.citizen_id', 'in', ids)
        .where('mt.status', 'in', ['planned', 'held'])
        .execute(),
      db
        .selectFrom('pathway as p')
        .innerJoin('pathway_template_version as ptv', (join) =>
          join
            .onRef('ptv.municipality_id', '=', 'p.municipality_id')
            .onRef('ptv.id', '=', 'p.template_version_id'),
        )
        .select([
          'p.id',
          'p.citizen_id',
          'p.template_code',
          'p.start_date',
          'p.end_date',
          'p.end_reason',
          'p.outcome',
          'p.template_version_id',
          'p.stage_code',
          'p.stage_since',
          'ptv.version',
          'ptv.definition',
        ])
        .where('p.municipality_id', '=', municipalityId)
        .where('p.citizen_id', 'in', ids)
        .orderBy('p.start_date', 'desc')
        .orderBy('p.id', 'desc')
        .execute(),
      db
        .selectFrom('own_step')
        .select(['id', 'citizen_id', 'title', 'doer', 'done_at', 'created_at'])
        .where('municipality_id', '=', municipalityId)
        .where('citizen_id', 'in', ids)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('plan_comment')
        .select(['id', 'citizen_id', 'text', 'approves', 'plan_version', 'created_at'])
        .where('municipality_id', '=', municipalityId)
        .where('citizen_id', 'in', ids)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    ]);

  const parts = new Map<
    string,
    PlanParts & {
      professionals: Set<string>;
      units: Set<string>;
      referralUnits: Set<string>;
      meetings: Map<string, MeetingRelation>;
    }
  >();
  for (const row of citizens) {
    parts.set(row.id, {
      citizen: {
        id: row.id,
        givenName: row.given_name,
        familyName: row.family_name,
        cprMasked: maskCpr(row.cpr_birth_part),
      },
      version: row.version ?? 0,
      updatedAt: (row.updated_at ?? new Date(0)).toISOString(),
      updatedBy: row.editor_id ? { id: row.editor_id, name: row.editor_name ?? '' } : null,
      goal: row.goal_own_words
        ? { ownWords: row.goal_own_words, professionalWording: row.goal_professional }
        : null,
      subGoals: [],
      interventions: [],
      links: [],
      team: [],
      pathways: [],
      ownSteps: [],
      comments: [],
      professionals: new Set(),
      units: new Set(),
      referralUnits: new Set(),
      meetings: new Map(),
    });
  }
  for (const row of subGoals) {
    parts.get(row.citizen_id)?.subGoals.push({
      id: row.id,
      title: row.title,
      measure: row.measure,
      targetDate: row.target_date,
      followUpDate: row.follow_up_date,
      gasLevel: row.gas_level,
      gasWeight: row.gas_weight,
      status: row.status as SubGoalStatus,
      endReason: row.end_reason,
    });
  }
  for (const row of interventions) {
    const plan = parts.get(row.citizen_id);
    if (!plan) continue;
    plan.units.add(row.unit_id);
    if (row.responsible_id && row.status !== 'ended') plan.professionals.add(row.responsible_id);
    plan.interventions.push({
      id: row.id,
      type: { id: row.type_id, code: row.type_code, name: row.type_name, category: row.category },
      sector: row.sector as Sector,
      unit: { id: row.unit_id, name: row.unit_name },
      responsible: row.responsible_id
        ? {
            id: row.responsible_id,
            name: row.responsible_name ?? '',
            profession: row.responsible_profession ?? '',
            phone: row.responsible_phone,
            email: row.responsible_email,
          }
        : null,
      legalBasis: row.legal_basis as LegalBasisCode,
      purpose: row.purpose,
      startDate: row.start_date,
      endDate: row.end_date,
      followUpDate: row.follow_up_date,
      frequency: row.frequency,
      status: row.status as InterventionStatus,
      costOre: Number(row.cost_ore),
      pyramidLevel: row.pyramid_level as PyramidLevel,
      businessDirected: row.business_directed,
      endReason: row.end_reason,
      schedule: parseSchedule(row.schedule),
      caseReference: row.case_reference,
      awaitingConfirmation: row.awaiting_confirmation,
      recordedBy: row.awaiting_confirmation ? row.recorded_by : null,
    });
  }
  for (const row of ownSteps) {
    parts.get(row.citizen_id)?.ownSteps.push({
      id: row.id,
      title: row.title,
      doer: row.doer,
      pyramidLevel: row.doer === 'me' ? 1 : 2,
      doneAt: row.done_at ? row.done_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
    });
  }
  for (const row of comments) {
    parts.get(row.citizen_id)?.comments.push({
      id: row.id,
      text: row.text,
      approves: row.approves,
      planVersion: row.plan_version,
      at: row.created_at.toISOString(),
    });
  }
  for (const row of pathways) {
    parts.get(row.citizen_id)?.pathways.push(
      pathwayView(
        {
          id: row.id,
          templateCode: row.template_code,
          startDate: row.start_date,
          endDate: row.end_date,
          endReason: row.end_reason,
          outcome: row.outcome as PathwayOutcome | null,
          templateVersionId: row.template_version_id,
          version: row.version,
          stageCode: row.stage_code,
          stageSince: row.stage_since,
        },
        definitionOf(row.definition),
      ),
    );
  }
  for (const row of links) {
    parts
      .get(row.citizen_id)
      ?.links.push({ interventionId: row.intervention_id, subGoalId: row.sub_goal_id });
  }
  for (const row of team) {
    const plan = parts.get(row.citizen_id);
    if (!plan) continue;
    if (row.professional_id) plan.professionals.add(row.professional_id);
    if (row.unit_id) plan.units.add(row.unit_id);
    plan.team.push({
      id: row.id,
      kind: row.kind as TeamMemberKind,
      professionalId: row.professional_id,
      name: row.professional_name ?? row.name ?? '',
      profession: row.profession,
      unit: row.unit_id
        ? { id: row.unit_id, name: row.unit_name ?? '', sector: row.unit_sector as Sector }
        : null,
      relation: row.relation,
      role: row.role,
      isCoordinator: row.is_coordinator,
      phone: row.phone ?? row.professional_phone,
      email: row.email ?? row.professional_email,
      startDate: row.start_date,
    });
  }

  for (const row of referrals) {
    if (row.to_unit_id) parts.get(row.citizen_id)?.referralUnits.add(row.to_unit_id);
  }
  const now = Date.now();
  for (const row of meetings) {
    const plan = parts.get(row.citizen_id);
    if (!plan) continue;
    const until = meetingRelationUntil(new Date(row.starts_at), row.meeting_relation_days);
    // An ended relationship is left out; the policy checks the end again at every read.
    if (until.getTime() <= now) continue;
    for (const professionalId of [row.organiser_id, row.professional_id]) {
      if (!professionalId) continue;
      const key = `${professionalId}/${row.id}`;
      plan.meetings.set(key, { professionalId, meetingId: row.id, until: until.toISOString() });
    }
  }

  const documents: PlanDocumentRow[] = [...parts.entries()].map(([citizenId, plan]) => ({
    citizenId,
    version: plan.version,
    relatedProfessionalIds: [...plan.professionals],
    relatedUnitIds: [...plan.units],
    referralUnitIds: [...plan.referralUnits],
    meetingRelations: [...plan.meetings.values()],
    document: composePlan(plan),
  }));
  await db
    .insertInto('plan_document')
    .values(
      documents.map((row) => ({
        municipality_id: municipalityId,
        citizen_id: row.citizenId,
        version: row.version,
        related_professional_ids: row.relatedProfessionalIds,
        related_unit_ids: row.relatedUnitIds,
        referral_unit_ids: row.referralUnitIds,
        meeting_relations: JSON.stringify(row.meetingRelations),
        document: JSON.stringify(row.document),
        format: PLAN_DOCUMENT_FORMAT,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['municipality_id', 'citizen_id']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        related_professional_ids: eb.ref('excluded.related_professional_ids'),
        related_unit_ids: eb.ref('excluded.related_unit_ids'),
        referral_unit_ids: eb.ref('excluded.referral_unit_ids'),
        meeting_relations: eb.ref('excluded.meeting_relations'),
        document: eb.ref('excluded.document'),
        format: eb.ref('excluded.format'),
      })),
    )
    .execute();
  return documents;
}

/**
 * Many citizens' plan read models in one query, the document as text: parsing jsonb into
 * objects and serialising them again costs several times the query itself.
 */
export async function planDocumentsAsText(
  db: Executor,
  municipalityId: string,
  citizenIds: readonly string[],
) {
  return db
    .selectFrom('plan_document')
    .select([
      'citizen_id',
      'version',
      'related_professional_ids',
      'related_unit_ids',
      'referral_unit_ids',
      'meeting_relations',
      sql<string>`document::text`.as('json'),
    ])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', 'in', citizenIds)
    .execute();
}
