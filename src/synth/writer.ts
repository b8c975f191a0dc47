import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InterventionTypeDefinition } from './catalogue.js';
import type { CitizenDraft } from './citizen-drafts.js';
import { formatDay, formatTimestamp } from './dates.js';
import type { SynthProfessional, SynthUnit } from './organisation.js';

type Executor = Kysely<DB> | Transaction<DB>;
type Value = string | number | boolean | Uint8Array | null;

/**
 * Rows of one table gathered column by column and written with one
 * `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)` per table and batch: a handful of
 * parameters however many rows, so the statement stays far below PostgreSQL's 65,535
 * parameters and the driver does not have to encode hundreds of thousands of them separately.
 */
class ColumnarRows<T extends keyof DB & string> {
  private readonly values: Value[][];
  private count = 0;

  constructor(
    private readonly table: T,
    /** Name, the element type it travels as, and (optionally) the column type it is cast to on insert. */
    private readonly columns: readonly (readonly [name: keyof DB[T] & string, type: string, cast?: string])[],
  ) {
    this.values = columns.map(() => []);
  }

  get size(): number {
    return this.count;
  }

  /** Adds one row; the values come in the order of the columns. */
  push(...row: Value[]): void {
    if (row.length !== this.columns.length)
      throw new Error(`${this.table}: expected ${this.columns.length} values`);
    for (let index = 0; index < row.length; index++)
      (this.values[index] as Value[]).push(row[index] as Value);
    this.count++;
  }

  async insert(db: Executor): Promise<void> {
    if (this.count === 0) return;
    const names = sql.join(this.columns.map(([name]) => sql.ref(name)));
    const arrays = sql.join(
      this.columns.map(([, type], index) => sql`${this.values[index]}::${sql.raw(type)}[]`),
    );
    // Columns with a cast (an array column travels as its text literal) are converted on the way in.
    const selected = sql.join(
      this.columns.map(([, , cast], index) =>
        cast ? sql`${sql.ref(`c${index}`)}::${sql.raw(cast)}` : sql.ref(`c${index}`),
      ),
    );
    const aliases = sql.join(this.columns.map((_, index) => sql.ref(`c${index}`)));
    await sql`INSERT INTO ${sql.table(this.table)} (${names})
      SELECT ${selected} FROM unnest(${arrays}) AS t(${aliases})`.execute(db);
  }
}

/** Writes the organisation and the catalogue. */
export async function writeOrganisation(
  db: Executor,
  municipalityId: string,
  units: readonly SynthUnit[],
  professionals: readonly SynthProfessional[],
  types: readonly { id: string; type: InterventionTypeDefinition }[],
): Promise<void> {
  const unitRows = new ColumnarRows('unit', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['sector', 'text'],
    ['name', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
  ]);
  for (const unit of units)
    unitRows.push(municipalityId, unit.id, unit.sector, unit.name, unit.phone, unit.email);
  const professionalRows = new ColumnarRows('professional', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['unit_id', 'uuid'],
    ['name', 'text'],
    ['profession', 'text'],
    ['role', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
  ]);
  for (const person of professionals) {
    professionalRows.push(
      municipalityId,
      person.id,
      person.unitId,
      person.name,
      person.profession,
      person.role,
      person.email,
      person.phone,
    );
  }
  const typeRows = new ColumnarRows('intervention_type', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['code', 'text'],
    ['name', 'text'],
    ['sector', 'text'],
    ['category', 'text'],
    ['legal_basis', 'text'],
    ['pyramid_level', 'int2'],
    ['business_directed', 'bool'],
    ['unit_cost_ore', 'int8'],
    ['cost_unit', 'text'],
  ]);
  for (const { id, type } of types) {
    typeRows.push(
      municipalityId,
      id,
      type.code,
      type.name,
      type.sector,
      type.category,
      type.legalBasis,
      type.pyramidLevel,
      type.businessDirected,
      type.unitCostOre,
      type.costUnit,
    );
  }
  await unitRows.insert(db);
  await professionalRows.insert(db);
  await typeRows.insert(db);
}

/** A citizen ready to write: the draft plus the sealed CPR number. */
export interface CitizenRecord {
  draft: CitizenDraft;
  cprEncrypted: Uint8Array;
  cprHmac: Uint8Array;
  cprBirthPart: string;
}

/** Counts of what a batch wrote. */
export interface BatchCounts {
  interventions: number;
  costEntries: number;
}

/** Writes a batch of citizens with their plans: one statement per table. */
export async function writeCitizens(
  db: Executor,
  municipalityId: string,
  records: readonly CitizenRecord[],
): Promise<BatchCounts> {
  const citizens = new ColumnarRows('citizen', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['cpr_encrypted', 'bytea'],
    ['cpr_hmac', 'bytea'],
    ['cpr_birth_part', 'bpchar'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['created_at', 'timestamptz'],
  ]);
  const plans = new ColumnarRows('plan', [
    ['municipality_id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['version', 'int4'],
    ['goal_own_words', 'text'],
    ['goal_professional', 'text'],
    ['updated_at', 'timestamptz'],
    ['updated_by', 'uuid'],
  ]);
  const subGoals = new ColumnarRows('sub_goal', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['title', 'text'],
    ['measure', 'text'],
    ['target_date', 'date'],
    ['gas_level', 'int2'],
    ['status', 'text'],
    ['end_reason', 'text'],
    ['created_at', 'timestamptz'],
    ['ended_at', 'timestamptz'],
    ['gas_weight', 'int2'],
  ]);
  const interventions = new ColumnarRows('intervention', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['type_id', 'uuid'],
    ['unit_id', 'uuid'],
    ['responsible_id', 'uuid'],
    ['legal_basis', 'text'],
    ['purpose', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['follow_up_date', 'date'],
    ['frequency', 'text'],
    ['status', 'text'],
    ['cost_ore', 'int8'],
    ['end_reason', 'text'],
    ['created_at', 'timestamptz'],
    ['schedule', 'jsonb'],
  ]);
  const pathways = new ColumnarRows('pathway', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['template_code', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['end_reason', 'text'],
    ['outcome', 'text'],
  ]);
  const gasFollowUps = new ColumnarRows('sub_goal_gas_history', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['sub_goal_id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['gas_level', 'int2'],
    ['recorded_at', 'timestamptz'],
    ['recorded_by', 'uuid'],
    ['gas_weight', 'int2'],
    ['scorer_kind', 'text'],
  ]);
  const links = new ColumnarRows('intervention_sub_goal', [
    ['municipality_id', 'uuid'],
    ['intervention_id', 'uuid'],
    ['sub_goal_id', 'uuid'],
  ]);
  const team = new ColumnarRows('team_member', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['kind', 'text'],
    ['professional_id', 'uuid'],
    ['name', 'text'],
    ['relation', 'text'],
    ['role', 'text'],
    ['is_coordinator', 'bool'],
    ['phone', 'text'],
    ['email', 'text'],
    ['start_date', 'date'],
  ]);
  const consents = new ColumnarRows('consent', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['grantee_unit_id', 'uuid'],
    ['categories', 'text', 'text[]'],
    ['purpose', 'text'],
    ['basis', 'text'],
    ['legal_provision', 'text'],
    ['valid_from', 'date'],
    ['valid_until', 'date'],
    ['recorded_by_kind', 'text'],
    ['recorded_by_id', 'uuid'],
    ['recorded_at', 'timestamptz'],
    ['withdrawn_at', 'timestamptz'],
    ['withdrawn_by_kind', 'text'],
    ['withdrawn_by_id', 'uuid'],
  ]);
  const costs = new ColumnarRows('cost_entry', [
    ['municipality_id', 'uuid'],
    ['id', 'uuid'],
    ['citizen_id', 'uuid'],
    ['intervention_id', 'uuid'],
    ['sector', 'text'],
    ['budget_area', 'text'],
    ['period_start', 'date'],
    ['period_end', 'date'],
    ['amount_ore', 'int8'],
  ]);

  for (const { draft, cprEncrypted, cprHmac, cprBirthPart } of records) {
    citizens.push(
      municipalityId,
      draft.id,
      cprEncrypted,
      cprHmac,
      cprBirthPart,
      draft.givenName,
      draft.familyName,
      formatTimestamp(draft.pathwayStart, 8 * 60 + (draft.index % 480)),
    );
    plans.push(
      municipalityId,
      draft.id,
      1,
      draft.goalOwnWords,
      draft.goalProfessional,
      formatTimestamp(draft.planUpdatedDay, 9 * 60 + (draft.index % 420)),
      draft.coordinator?.id ?? null,
    );
    for (const goal of draft.subGoals) {
      subGoals.push(
        municipalityId,
        goal.id,
        draft.id,
        goal.title,
        goal.measure,
        goal.targetDate === null ? null : formatDay(goal.targetDate),
        goal.gasLevel,
        goal.status,
        goal.endReason,
        formatTimestamp(goal.createdDay, 10 * 60),
        goal.endedDay === null ? null : formatTimestamp(goal.endedDay, 14 * 60),
        goal.gasWeight ?? 1,
      );
    }
    for (const item of draft.interventions) {
      interventions.push(
        municipalityId,
        item.id,
        draft.id,
        item.typeId,
        item.unitId,
        item.responsible.id,
        item.type.legalBasis,
        item.purpose,
        formatDay(item.start),
        item.end === null ? null : formatDay(item.end),
        item.followUp === null ? null : formatDay(item.followUp),
        item.frequency.text,
        item.status,
        item.costOre,
        item.endReason,
        // Recorded when it was decided: some days before it started, never after the plan's last change.
        formatTimestamp(Math.min(item.start - 7, draft.planUpdatedDay), 11 * 60),
        item.schedule ? JSON.stringify(item.schedule) : null,
      );
    }
    for (const consent of draft.consents) {
      consents.push(
        municipalityId,
        consent.id,
        draft.id,
        consent.granteeUnitId,
        // unnest() cannot take an array of arrays of different lengths: a text[] literal per row.
        `{${consent.categories.join(',')}}`,
        'coordination',
        consent.basis,
        consent.legalProvision,
        formatDay(consent.validFrom),
        consent.validUntil === null ? null : formatDay(consent.validUntil),
        'professional',
        consent.recordedById,
        formatTimestamp(consent.validFrom, 10 * 60 + (draft.index % 300)),
        consent.withdrawnDay === null ? null : formatTimestamp(consent.withdrawnDay, 13 * 60),
        consent.withdrawnDay === null ? null : 'citizen',
        consent.withdrawnDay === null ? null : draft.id,
      );
    }
    for (const pathway of draft.pathways) {
      pathways.push(
        municipalityId,
        pathway.id,
        draft.id,
        pathway.templateCode,
        formatDay(pathway.start),
        pathway.end === undefined ? null : formatDay(pathway.end),
        pathway.endReason ?? null,
        pathway.outcome ?? null,
      );
    }
    const weightOf = new Map(draft.subGoals.map((goal) => [goal.id, goal.gasWeight ?? 1]));
    for (const followUp of draft.gasFollowUps) {
      gasFollowUps.push(
        municipalityId,
        followUp.id,
        followUp.subGoalId,
        draft.id,
        followUp.level,
        formatTimestamp(followUp.day, 13 * 60),
        draft.coordinator?.id ?? null,
        weightOf.get(followUp.subGoalId) ?? 1,
        followUp.scorer ?? 'professional',
      );
    }
    for (const link of draft.links) links.push(municipalityId, link.interventionId, link.subGoalId);
    for (const member of draft.team) {
      team.push(
        municipalityId,
        member.id,
        draft.id,
        member.kind,
        member.professional?.id ?? null,
        member.name,
        member.relation,
        member.role,
        member.isCoordinator,
        member.phone,
        member.email,
        formatDay(member.startDay),
      );
    }
    for (const cost of draft.costs) {
      if (cost.amountOre === 0) continue;
      costs.push(
        municipalityId,
        cost.id,
        draft.id,
        cost.interventionId,
        cost.sector,
        cost.budgetArea,
        formatDay(cost.from),
        formatDay(cost.to),
        cost.amountOre,
      );
    }
  }

  // Parents before children, for the foreign keys.
  for (const rows of [
    citizens,
    plans,
    subGoals,
    interventions,
    links,
    team,
    costs,
    pathways,
    gasFollowUps,
    consents,
  ])
    await rows.insert(db);
  return { interventions: interventions.size, costEntries: costs.size };
}
