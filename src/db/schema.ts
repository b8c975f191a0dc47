import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in src/db/migrations. Keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Money = ColumnType<string, number | bigint | string, number | bigint | string>;
type Json = ColumnType<unknown, string, string>;

export interface MunicipalityTable {
  id: string;
  code: string;
  name: string;
  created_at: Timestamp;
}

export interface UnitTable {
  municipality_id: string;
  id: string;
  sector: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export interface ProfessionalTable {
  municipality_id: string;
  id: string;
  unit_id: string;
  name: string;
  profession: string;
  role: string;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
}

export interface InterventionTypeTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  sector: string;
  category: string;
  legal_basis: string;
  pyramid_level: number;
  business_directed: Generated<boolean>;
  unit_cost_ore: Money;
  cost_unit: string;
  active: Generated<boolean>;
}

export interface CitizenTable {
  municipality_id: string;
  id: string;
  cpr_encrypted: Uint8Array;
  cpr_hmac: Uint8Array;
  cpr_birth_part: string;
  given_name: string;
  family_name: string;
  created_at: Timestamp;
}

export interface PlanTable {
  municipality_id: string;
  citizen_id: string;
  version: Generated<number>;
  goal_own_words: string | null;
  goal_professional: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SubGoalTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  title: string;
  measure: string | null;
  target_date: DateColumn | null;
  gas_level: number | null;
  status: Generated<string>;
  end_reason: string | null;
  created_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface InterventionTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  type_id: string;
  unit_id: string;
  responsible_id: string | null;
  legal_basis: string;
  purpose: string | null;
  start_date: DateColumn;
  end_date: DateColumn | null;
  follow_up_date: DateColumn | null;
  frequency: string | null;
  status: string;
  cost_ore: Money;
  end_reason: string | null;
  created_at: Timestamp;
}

export interface InterventionSubGoalTable {
  municipality_id: string;
  intervention_id: string;
  sub_goal_id: string;
}

export interface TeamMemberTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  kind: string;
  professional_id: string | null;
  name: string | null;
  relation: string | null;
  role: string | null;
  is_coordinator: Generated<boolean>;
  phone: string | null;
  email: string | null;
  start_date: ColumnType<string, string | undefined, string>;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface PlanHistoryTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  plan_version: number;
  at: Timestamp;
  actor_id: string;
  actor_role: string;
  entity: string;
  entity_id: string;
  action: string;
  before: Json | null;
  after: Json | null;
}

export interface PlanDocumentTable {
  municipality_id: string;
  citizen_id: string;
  version: number;
  related_professional_ids: ColumnType<string[], string[], string[]>;
  related_unit_ids: ColumnType<string[], string[], string[]>;
  document: Json;
}

export interface CostEntryTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  intervention_id: string | null;
  sector: string;
  budget_area: string;
  period_start: DateColumn;
  period_end: DateColumn;
  amount_ore: Money;
}

export interface SessionTable {
  token_hash: Uint8Array;
  municipality_id: string;
  subject_kind: string;
  subject_id: string;
  role: string;
  persona: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditEventTable {
  municipality_id: string;
  id: string;
  at: Timestamp;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  citizen_id: string | null;
  action: string;
  resource: string;
  outcome: string;
  client_ip: string | null;
  details: Json | null;
}

export interface DemoPersonaTable {
  municipality_id: string;
  id: string;
  subject_kind: string;
  subject_id: string;
  title_da: string;
  title_en: string;
  sort_order: Generated<number>;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface DB {
  municipality: MunicipalityTable;
  unit: UnitTable;
  professional: ProfessionalTable;
  intervention_type: InterventionTypeTable;
  citizen: CitizenTable;
  plan: PlanTable;
  sub_goal: SubGoalTable;
  intervention: InterventionTable;
  intervention_sub_goal: InterventionSubGoalTable;
  team_member: TeamMemberTable;
  plan_history: PlanHistoryTable;
  plan_document: PlanDocumentTable;
  cost_entry: CostEntryTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  demo_persona: DemoPersonaTable;
  schema_migration: SchemaMigrationTable;
}
