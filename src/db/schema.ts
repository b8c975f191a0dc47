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
  audit_shows_names: Generated<boolean>;
  /** Days after a meeting its participants keep their relationship to the citizen (migration 005). */
  meeting_relation_days: Generated<number>;
  /** Months a closed case is kept before deletion; null: never deleted automatically (migration 025). */
  citizen_retention_months: number | null;
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
  /** Migration 022: the sub-goal's weight in the GAS T-score. */
  gas_weight: Generated<number>;
  /** Migration 035: the next follow-up of the sub-goal. */
  follow_up_date: DateColumn | null;
}

export interface OwnStepTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  title: string;
  doer: 'me' | 'network';
  done_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PlanCommentTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  plan_version: number;
  text: string | null;
  approves: Generated<boolean>;
  created_at: Timestamp;
}

export interface MeetingPreparationTable {
  municipality_id: string;
  meeting_id: string;
  citizen_id: string;
  matters: string | null;
  works: string | null;
  talk_about: string | null;
  invite_wishes: string | null;
  updated_at: Timestamp;
}

export interface DecisionTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  unit_id: string;
  title: string;
  proposal: string;
  facts: string;
  legal_basis: string;
  negative: Generated<boolean>;
  status: Generated<'draft' | 'hearing' | 'final'>;
  hearing_until: DateColumn | null;
  created_by: string;
  created_at: Timestamp;
  /** Migration 030: the checklist of the legal steps. */
  informal_contact_kind: 'call' | 'meeting' | null;
  informal_contact_planned_on: DateColumn | null;
  informal_contact_held_on: DateColumn | null;
  informal_contact_outcome: string | null;
  hearing_sent_at: Timestamp | null;
  no_hearing_reason: string | null;
  changed_by_hearing: boolean | null;
  hearing_changes: string | null;
  decision_text: string | null;
  reasons_rules: string | null;
  reasons_considerations: string | null;
  reasons_facts: string | null;
  appeal_body: string | null;
  appeal_how: string | null;
  appeal_weeks: number | null;
  decided_on: DateColumn | null;
  finalised_by: string | null;
  /** Migration 031: the team case it follows or departs from. */
  team_case_id: string | null;
  departure_reason: string | null;
}

export interface TeamMeetingTable {
  municipality_id: string;
  id: string;
  unit_id: string;
  title: string;
  starts_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface TeamCaseTable {
  municipality_id: string;
  id: string;
  team_meeting_id: string;
  citizen_id: string;
  citizen_meeting_id: string | null;
  summary: string;
  citizen_attends: Generated<boolean>;
  support_person: string | null;
  status: Generated<'listed' | 'recommended' | 'returned'>;
  recommendation: string | null;
  recommendation_reasons: string | null;
  recommended_by: string | null;
  recommended_at: Timestamp | null;
  returned_reason: string | null;
  returned_decision_id: string | null;
  returned_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface DecisionAppealTable {
  municipality_id: string;
  decision_id: string;
  citizen_id: string;
  received_on: DateColumn;
  reconsideration_due: DateColumn;
  reconsidered_on: DateColumn | null;
  reconsideration_outcome: 'upheld' | 'changed' | null;
  reconsideration_note: string | null;
  forwarded_on: DateColumn | null;
  result: 'upheld' | 'changed' | 'remitted' | 'rejected' | null;
  result_on: DateColumn | null;
  created_by: string;
  created_at: Timestamp;
}

export interface DecisionResponseTable {
  municipality_id: string;
  id: string;
  decision_id: string;
  citizen_id: string;
  kind: 'comment' | 'correction';
  text: string;
  created_at: Timestamp;
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
  /** Weekly schedule (migration 003), JSON. */
  schedule: ColumnType<unknown, string | null | undefined, string | null>;
  /** The unit's own case reference (migration 005): what a case-limited consent refers to. */
  case_reference: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who recorded it, when outside its unit (migration 011): they see its details until confirmed. */
  recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Recorded by someone outside its unit and not yet confirmed by the unit (migration 011). */
  awaiting_confirmation: Generated<boolean>;
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
  origin_kind: string | null;
  origin_id: string | null;
}

export interface PlanDocumentTable {
  municipality_id: string;
  citizen_id: string;
  version: number;
  related_professional_ids: ColumnType<string[], string[], string[]>;
  related_unit_ids: ColumnType<string[], string[], string[]>;
  /** Units with a pending referral (migration 005). */
  referral_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Meeting participants and when their relationship ends (migration 005), JSON. */
  meeting_relations: ColumnType<unknown, string | undefined, string>;
  document: Json;
  /** The shape of the document that built it (migration 037; PLAN_DOCUMENT_FORMAT). */
  format: ColumnType<number, number | undefined, number>;
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
  /** The CSV import that brought the entry (migration 015); null for entries written otherwise. */
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One imported cost file (migration 015). */
export interface CostImportTable {
  municipality_id: string;
  id: string;
  file_sha256: Uint8Array;
  file_name: string | null;
  lines: number;
  amount_ore: Money;
  imported_by: string;
  imported_at: Timestamp;
}

/** Pre-aggregate of cost_entry kept by triggers (migrations 015, 041): never written by the application. */
export interface CostCitizenYearTable {
  municipality_id: string;
  year: number;
  citizen_id: string;
  sector: string;
  budget_area: string;
  amount_ore: Money;
  entries: number;
  /** The year's amount per month (index 1–12 in SQL; migration 041), read through SQL only. */
  month_amounts: Money[];
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
  last_seen_at: Timestamp;
  auth_method: Generated<string>;
  acr: string | null;
  delegation_id: string | null;
  /** When the user last authenticated (migration 006). */
  auth_time: Timestamp;
  /** A relative's identity: the HMAC of their CPR number (migration 006). */
  grantee_cpr_hmac: Uint8Array | null;
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
  actor_unit_id: string | null;
  on_behalf_of: string | null;
  /** Migration 043: the chain (lane) the record is linked into. */
  lane: ColumnType<number, number | undefined, number>;
  purpose: string | null;
  seq: ColumnType<string | null, string | number | null | undefined, never>;
  prev_hash: Uint8Array | null;
  hash: Uint8Array | null;
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

/* Access (migration 004): identities, login attempts, delegations, consent, break-the-glass, audit chain. */
export interface IdentityLinkTable {
  municipality_id: string;
  issuer: string;
  subject: string;
  subject_kind: string;
  subject_id: string;
  created_at: Timestamp;
}

export interface LoginAttemptTable {
  state_hash: Uint8Array;
  provider: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** A step-up login (prompt=login, max_age) (migration 006). */
  step_up: Generated<boolean>;
  /** The page to return to after login, a same-origin path (migration 006). */
  return_to: string | null;
}

export interface DelegationTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  grantee_cpr_hmac: Uint8Array;
  grantee_name: string;
  valid_from: DateColumn;
  valid_until: DateColumn | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  /** Whether the power of attorney covers giving and withdrawing consent (migration 012). */
  includes_consent: Generated<boolean>;
}

export interface ConsentTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  grantee_unit_id: string | null;
  grantee_sector: string | null;
  categories: ColumnType<string[], string[], string[]>;
  purpose: string;
  case_reference: string | null;
  basis: string;
  legal_provision: string | null;
  valid_from: DateColumn;
  valid_until: DateColumn | null;
  recorded_by_kind: string;
  recorded_by_id: string;
  recorded_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by_kind: string | null;
  withdrawn_by_id: string | null;
  /** 'pending' until the citizen confirms a consent a professional recorded; 'rejected' if not (migration 012). */
  state: Generated<string>;
  declaration_reference: string | null;
  declaration_signed_on: DateColumn | null;
  confirmed_at: Timestamp | null;
}

/** Migration 039: the citizen's objection to her data in management figures (decision 0025). */
export interface ReportingObjectionTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  objected_at: Timestamp;
  recorded_by_kind: string;
  recorded_by_id: string;
  withdrawn_at: Timestamp | null;
  withdrawn_by_kind: string | null;
  withdrawn_by_id: string | null;
}

export interface BreakGlassTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  professional_id: string;
  unit_id: string;
  reason: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  /** The reason from the list (migration 012); `reason` is the free text. */
  reason_code: Generated<string>;
  review_outcome: string | null;
  review_comment: string | null;
}

export interface AuditChainHeadTable {
  municipality_id: string;
  /** Migration 043: which of the municipality's parallel chains. */
  lane: ColumnType<number, number | undefined, number>;
  seq: ColumnType<string, string | number, string | number>;
  hash: Uint8Array;
}

export interface AuditCheckpointTable {
  municipality_id: string;
  lane: ColumnType<number, number | undefined, number>;
  seq: ColumnType<string, string | number, string | number>;
  hash: Uint8Array;
  purged_before: Timestamp;
  purged_count: ColumnType<string, string | number, string | number>;
  created_at: Timestamp;
}

/** Migration 035: a held follow-up of an intervention or a sub-goal, with its FSIII code. */
export interface FollowUpTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  item_kind: string;
  item_id: string;
  held_on: DateColumn;
  held_by: string;
  code: string;
  reasons: string | null;
  next_date: DateColumn | null;
  gas_history_id: string | null;
  created_at: Timestamp;
}

export interface DB {
  municipality: MunicipalityTable;
  unit: UnitTable;
  professional: ProfessionalTable;
  intervention_type: InterventionTypeTable;
  citizen: CitizenTable;
  plan: PlanTable;
  sub_goal: SubGoalTable;
  own_step: OwnStepTable;
  plan_comment: PlanCommentTable;
  intervention: InterventionTable;
  intervention_sub_goal: InterventionSubGoalTable;
  team_member: TeamMemberTable;
  plan_history: PlanHistoryTable;
  plan_document: PlanDocumentTable;
  cost_entry: CostEntryTable;
  cost_import: CostImportTable;
  cost_citizen_year: CostCitizenYearTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  demo_persona: DemoPersonaTable;
  schema_migration: SchemaMigrationTable;
  identity_link: IdentityLinkTable;
  login_attempt: LoginAttemptTable;
  delegation: DelegationTable;
  consent: ConsentTable;
  reporting_objection: ReportingObjectionTable;
  break_glass: BreakGlassTable;
  audit_chain_head: AuditChainHeadTable;
  audit_checkpoint: AuditCheckpointTable;
  pathway: PathwayTable;
  pathway_template: PathwayTemplateTable;
  pathway_template_version: PathwayTemplateVersionTable;
  sub_goal_gas_history: SubGoalGasHistoryTable;
  follow_up: FollowUpTable;
  coordination_rule_config: CoordinationRuleConfigTable;
  coordination_flag: CoordinationFlagTable;
  coordination_flag_event: CoordinationFlagEventTable;
  coordination_scan_run: CoordinationScanRunTable;
  notification: NotificationTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  meeting: MeetingTable;
  meeting_participant: MeetingParticipantTable;
  meeting_preparation: MeetingPreparationTable;
  meeting_agreement: MeetingAgreementTable;
  decision: DecisionTable;
  decision_response: DecisionResponseTable;
  decision_appeal: DecisionAppealTable;
  team_meeting: TeamMeetingTable;
  team_case: TeamCaseTable;
  proposal: ProposalTable;
  instrument: InstrumentTable;
  measure_response: MeasureResponseTable;
  collaboration_survey: CollaborationSurveyTable;
  collaboration_response: CollaborationResponseTable;
  quality_survey: QualitySurveyTable;
  quality_response: QualityResponseTable;
  survey_invitation: SurveyInvitationTable;
  survey_invitation_count: SurveyInvitationCountTable;
  job: JobTable;
  calendar_feed: CalendarFeedTable;
  rate_limit_hit: RateLimitHitTable;
}

// --- rate limits shared by the server processes (migration 036) -----------------------------

export interface RateLimitHitTable {
  key_hash: string;
  hits: number;
  window_ends_at: Timestamp;
}

// --- coordination (migration 003) ---------------------------------------------------------

export interface PathwayTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  template_code: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
  /** Why it ended (migration 007). */
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  /** Migration 029: the template version it started on (kept for life) and its current stage. */
  template_version_id: ColumnType<string, string | undefined, never>;
  stage_code: ColumnType<string, string | undefined, string>;
  stage_since: ColumnType<string, string | undefined, string>;
  /** Migration 038: the coded outcome of an ended pathway (src/domain/plan/pathway-outcome.ts). */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
}

// --- pathway templates (migration 029) ----------------------------------------------------

export interface PathwayTemplateTable {
  municipality_id: string;
  id: string;
  code: string;
  origin: 'shipped' | 'municipality';
  created_at: Generated<Date>;
}

export interface PathwayTemplateVersionTable {
  municipality_id: string;
  id: string;
  template_id: string;
  version: number;
  status: 'draft' | 'published';
  /** The definition (src/domain/plan/pathway-template.ts), JSON. */
  definition: ColumnType<unknown, string, string>;
  based_on_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  published_by: string | null;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SubGoalGasHistoryTable {
  municipality_id: string;
  id: string;
  sub_goal_id: string;
  citizen_id: string;
  gas_level: number;
  recorded_at: Timestamp;
  recorded_by: string | null;
  note: string | null;
  /** Migration 022: the weight in force at the follow-up, and who gave the score. */
  gas_weight: Generated<number>;
  scorer_kind: string | null;
}

export interface CoordinationRuleConfigTable {
  municipality_id: string;
  rule_id: string;
  enabled: Generated<boolean>;
  settings: Json;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CoordinationFlagTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  rule_id: string;
  fingerprint: string;
  severity: string;
  subject_ids: ColumnType<string[], string[], string[]>;
  unit_ids: ColumnType<string[], string[], string[]>;
  sectors: ColumnType<string[], string[], string[]>;
  explanation: Json;
  owner_id: string | null;
  /** Set when a person took the flag on (acknowledged it): its owner then no longer follows the plan. */
  owner_taken_by: string | null;
  /** A dismissed flag returns on this day if its cause remains (migration 016). */
  dismissed_until: DateColumn | null;
  status: Generated<string>;
  status_comment: string | null;
  status_by: string | null;
  status_at: Timestamp;
  created_at: Timestamp;
}

export interface CoordinationScanRunTable {
  municipality_id: string;
  id: string;
  day: string;
  trigger: 'nightly' | 'manual' | 'demo';
  started_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
  citizens: number | null;
  findings: number | null;
  created: number | null;
  reopened: number | null;
  resolved: number | null;
  error: string | null;
}

export interface CoordinationFlagEventTable {
  municipality_id: string;
  id: string;
  flag_id: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  comment: string | null;
}

export interface NotificationTable {
  municipality_id: string;
  id: string;
  recipient_id: string;
  citizen_id: string | null;
  kind: string;
  subject_id: string | null;
  payload: Json;
  actor_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  email_status: Generated<string>;
}

export interface ReferralTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  sub_goal_id: string | null;
  from_unit_id: string;
  from_professional_id: string;
  to_unit_id: string | null;
  to_civil_society: string | null;
  type_id: string | null;
  reason: string;
  status: Generated<string>;
  answer_due: DateColumn;
  decline_reason: string | null;
  intervention_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralEventTable {
  municipality_id: string;
  id: string;
  referral_id: string;
  at: Timestamp;
  actor_id: string;
  status: string;
  comment: string | null;
}

// --- meetings (migration 005) -------------------------------------------------------------

export interface MeetingTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  kind: string;
  purpose: string;
  agenda: string | null;
  starts_at: Timestamp;
  place: string | null;
  online: boolean;
  /** Planned length in minutes (migration 027). */
  duration_minutes: Generated<number>;
  organiser_id: string;
  organiser_unit_id: string;
  status: Generated<string>;
  summary: string | null;
  cancel_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  /** Migration 034: the agenda as points, JSON [{ text, source }]. */
  agenda_points: ColumnType<unknown, string | null | undefined, string | null>;
  reflections: ColumnType<string | null, string | null | undefined, string | null>;
  open_questions: ColumnType<string | null, string | null | undefined, string | null>;
  citizen_present: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  next_meeting_id: ColumnType<string | null, string | null | undefined, string | null>;
  agreements_written_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  agreements_written_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MeetingParticipantTable {
  municipality_id: string;
  id: string;
  meeting_id: string;
  kind: string;
  professional_id: string | null;
  name: string | null;
  created_at: Timestamp;
  /** Migration 034: the participant's role, the citizen's consent to the invitation, attendance. */
  role: Generated<string>;
  citizen_consent: string | null;
  attended: boolean | null;
}

/** An agreement made at a network meeting, as the plan change it becomes (migration 034). */
export interface MeetingAgreementTable {
  municipality_id: string;
  id: string;
  meeting_id: string;
  position: number;
  kind: string;
  text: string;
  target_id: string | null;
  change: Json;
  outcome: string | null;
  entity_id: string | null;
  proposal_id: string | null;
}

// --- ownership (migration 011) -------------------------------------------------------------

/** A proposed change (forslag) to an intervention, answered by the unit that owns it. */
export interface ProposalTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  intervention_id: string;
  owner_unit_id: string;
  proposed_by: string;
  proposed_by_unit_id: string;
  /** The change as an intervention PATCH body, JSON. */
  change: ColumnType<unknown, string, string>;
  comment: string | null;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decline_reason: string | null;
  created_at: Generated<Date>;
}

// --- measures (migration 014) -------------------------------------------------------------

export interface InstrumentTable {
  municipality_id: string;
  code: string;
  version: string;
  definition: Json;
  loaded_at: Timestamp;
  loaded_by: string | null;
}

export interface MeasureResponseTable {
  municipality_id: string;
  id: string;
  citizen_id: string;
  instrument_code: string;
  instrument_version: string;
  respondent_kind: string;
  recorded_by: string;
  answered_at: Timestamp;
  context_kind: string;
  context_id: string | null;
  /** [{linkId, code}] */
  answers: Json;
  raw: number | null;
  score: number | null;
  band: string | null;
  created_at: Timestamp;
}

export interface CollaborationSurveyTable {
  municipality_id: string;
  id: string;
  title: string;
  groups: ColumnType<string[], string[], string[]>;
  unit_id: string;
  project: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CollaborationResponseTable {
  municipality_id: string;
  id: string;
  survey_id: string;
  round: string;
  respondent: string;
  group_name: string;
  about_group: string;
  frequent: number;
  timely: number;
  accurate: number;
  problem_solving: number;
  shared_goals: number;
  shared_knowledge: number;
  mutual_respect: number;
  /** 'import' (CSV) or 'link' (an invitation link) (migration 021). */
  source: Generated<string>;
}

export interface QualitySurveyTable {
  municipality_id: string;
  id: string;
  title: string;
  /** [{code, text}] */
  items: Json;
  unit_id: string;
  project: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface QualityResponseTable {
  municipality_id: string;
  id: string;
  survey_id: string;
  round: string;
  respondent: string;
  item_code: string;
  score: number;
}

// --- survey invitation links (migration 021) ----------------------------------------------

export interface SurveyInvitationTable {
  token_hash: string;
  municipality_id: string;
  survey_id: string;
  round: string;
  group_name: string;
  issued_at: Generated<Date>;
}

export interface SurveyInvitationCountTable {
  municipality_id: string;
  survey_id: string;
  round: string;
  group_name: string;
  issued: number;
  used: Generated<number>;
  first_issued_at: Generated<Date>;
}

// --- background jobs and calendar feeds (migration 032) -----------------------------------

export interface JobTable {
  municipality_id: string;
  id: string;
  kind: string;
  dedupe_key: string;
  payload: Json;
  run_at: Timestamp;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  outcome: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CalendarFeedTable {
  municipality_id: string;
  id: string;
  owner_kind: string;
  owner_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_fetched_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
