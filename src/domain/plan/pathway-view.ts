import { stageView } from './pathway-stage.js';
import { firstInterventionMonths, type TemplateDefinition } from './pathway-template.js';
import type { PathwayView } from './plan.types.js';
import type { PathwayOutcome } from './pathway-outcome.js';

/** A pathway as stored: its dates, its template version and its stage in it. */
export interface PathwayRecord {
  id: string;
  templateCode: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  /** The coded outcome of an ended pathway (migration 038); null while it runs or when not recorded. */
  outcome: PathwayOutcome | null;
  templateVersionId: string;
  version: number;
  stageCode: string;
  stageSince: string;
}

/**
 * A pathway as the plan shows it, read against the version it started on: its name, and while
 * it runs, its stage, what is due and where it may go next.
 */
export function pathwayView(record: PathwayRecord, definition: TemplateDefinition): PathwayView {
  const running = record.endDate === null;
  return {
    id: record.id,
    templateCode: record.templateCode,
    name: { da: definition.name.da, en: definition.name.en },
    startDate: record.startDate,
    endDate: record.endDate,
    endReason: record.endReason,
    outcome: record.outcome,
    templateVersion: { id: record.templateVersionId, version: record.version },
    stage: running ? stageView(record, definition) : null,
    firstInterventionWithinMonths: firstInterventionMonths(definition),
  };
}
