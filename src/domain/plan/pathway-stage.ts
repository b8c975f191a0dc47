import { addDays, type Day } from '../calendar.js';
import {
  allowedNextStages,
  checkStageMove,
  flagsOverdueStages,
  stageOf,
  type TemplateDefinition,
  type TemplateStage,
} from './pathway-template.js';

/**
 * A running pathway's place in its template's state machine. The pathway holds the version it
 * started on for life (decision 0019): every rule here takes that version's definition, never
 * the template's newest.
 */
export interface PathwayStageState {
  templateVersionId: string;
  stageCode: string;
  /** The Danish day the pathway entered its current stage. */
  stageSince: Day;
  startDate: Day;
}

/** The day the current stage is due: its deadline counted from the stage or from the start. */
export function stageDueDate(
  stage: TemplateStage,
  state: Pick<PathwayStageState, 'stageSince' | 'startDate'>,
): Day | null {
  if (!stage.deadline) return null;
  return addDays(stage.deadline.from === 'stage' ? state.stageSince : state.startDate, stage.deadline.days);
}

export type StageMoveVerdict = 'unknown-stage' | 'not-allowed' | 'before-stage-start' | null;

/**
 * Moves a pathway to a stage along its own version's transitions. The version never changes;
 * a refused move says why (the caller names the allowed next stages).
 */
export function moveToStage(
  state: PathwayStageState,
  definition: TemplateDefinition,
  to: string,
  on: Day,
):
  | { state: PathwayStageState; verdict: null }
  | { state: PathwayStageState; verdict: Exclude<StageMoveVerdict, null> } {
  const verdict = checkStageMove(definition, state.stageCode, to);
  if (verdict) return { state, verdict };
  if (on < state.stageSince) return { state, verdict: 'before-stage-start' };
  return { state: { ...state, stageCode: to, stageSince: on }, verdict: null };
}

/** What the plan shows of a running pathway's stage: where it is, since when, what is due, where next. */
export interface StageView {
  code: string;
  name: { da: string; en: string };
  roles: string[];
  since: Day;
  dueDate: Day | null;
  /** Whether the template raises a flag when the stage is past its due date. */
  flagWhenOverdue: boolean;
  next: { code: string; name: { da: string; en: string } }[];
}

/** The stage view of a pathway in its version; null when the version lacks the stage. */
export function stageView(state: PathwayStageState, definition: TemplateDefinition): StageView | null {
  const stage = stageOf(definition, state.stageCode);
  if (!stage) return null;
  return {
    code: stage.code,
    name: stage.name,
    roles: stage.roles,
    since: state.stageSince,
    dueDate: stageDueDate(stage, state),
    flagWhenOverdue: flagsOverdueStages(definition),
    next: allowedNextStages(definition, stage.code).map((next) => ({ code: next.code, name: next.name })),
  };
}
