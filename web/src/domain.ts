/**
 * The pure domain code the web app shares with the server. Only constants and types
 * without I/O are imported from src/domain, so the bundle stays small and the labels
 * the server and the browser use are the same.
 */
export type { LegalBasisCode } from '../../src/domain/organisation/legal-bases.js';
export { normaliseCpr } from '../../src/domain/citizen/cpr.js';
export { LEGAL_BASES } from '../../src/domain/organisation/legal-bases.js';
export type { PyramidLevel, Sector } from '../../src/domain/organisation/sectors.js';
export {
  PYRAMID_LABELS,
  PYRAMID_LEVELS,
  SECTOR_LABELS,
  SECTORS,
} from '../../src/domain/organisation/sectors.js';
export type {
  InterventionStatus,
  SubGoalStatus,
  TeamMemberKind,
} from '../../src/domain/plan/plan.schemas.js';
export { PATHWAY_TEMPLATE_CODES, PATHWAY_TEMPLATES } from '../../src/domain/plan/pathways.js';
export type {
  ContactView,
  InterventionView,
  PathwayView,
  PlanGaps,
  PlanOverview,
  SubGoalView,
  TeamMemberView,
} from '../../src/domain/plan/plan.types.js';
export { BUDGET_AREAS } from '../../src/domain/organisation/budget-areas.js';
export { AGE_GROUPS } from '../../src/domain/analytics/citizen-groups.js';
export type { QualityFigures } from '../../src/domain/measures/quality-indicators.js';
export { QUALITY_CSV_HEADER } from '../../src/domain/measures/quality-indicators.js';
export type { RcBand, RcTie } from '../../src/domain/measures/relational-coordination.js';
export { RC_CSV_HEADER } from '../../src/domain/measures/relational-coordination.js';
export { partText, resourceKind } from '../../src/domain/audit/audit-text.js';
export type { NextSteps } from '../../src/domain/plan/next-steps.js';
export {
  isFollowUpOverdue,
  isOverdue,
  isSubGoalOverdue,
  nextFollowUp,
} from '../../src/domain/plan/overdue.js';
export { SURVEY_LINK_VALID_DAYS } from '../../src/domain/measures/survey-links.js';
