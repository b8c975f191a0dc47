import { danishToday } from '../../domain/calendar.js';
import { moveToStage } from '../../domain/plan/pathway-stage.js';
import { allowedNextStages } from '../../domain/plan/pathway-template.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import type { PathwayStageMove } from '../../domain/plan/plan.schemas.js';
import { definitionsOf } from '../../db/queries/pathway-templates.queries.js';
import { pathwayOf, setPathwayStage } from '../../db/queries/plan-items.queries.js';
import { Problem, problems } from '../problem.js';
import type { ChangeScope } from './plan-change.js';

/**
 * Moves a running pathway to a stage, along the transitions of the template version it started
 * on (never a newer one: decision 0019). A plan change like any other: versioned, in the history
 * as an update of the pathway (stage before and after), decided as `change-pathway`.
 */
export async function movePathwayStage(
  scope: ChangeScope,
  id: string,
  input: PathwayStageMove,
): Promise<PlanChange[]> {
  scope.authorize('change-pathway');
  const before = await pathwayOf(scope, id);
  if (!before) throw problems.notFound('The pathway');
  if (before.end_date !== null) throw problems.conflict(`The pathway ended on ${before.end_date}.`);
  const definition = (await definitionsOf(scope.trx, scope.municipalityId, [before.template_version_id])).get(
    before.template_version_id,
  );
  if (!definition) throw new Error(`The pathway ${id} names a template version that does not exist.`);
  const on = input.date ?? danishToday(scope.now);
  const state = {
    templateVersionId: before.template_version_id,
    stageCode: before.stage_code,
    stageSince: before.stage_since,
    startDate: before.start_date,
  };
  const moved = moveToStage(state, definition, input.stageCode, on);
  if (moved.verdict === 'before-stage-start')
    throw problems.field('date', `must not be before ${before.stage_since}, when the current stage began`);
  if (moved.verdict) {
    const next = allowedNextStages(definition, before.stage_code).map((stage) => stage.code);
    const problem = new Problem(
      409,
      'Stage not allowed',
      next.length > 0
        ? `From ${before.stage_code} the pathway may move to: ${next.join(', ')}.`
        : `The pathway is in its last stage (${before.stage_code}); end it instead.`,
      [
        {
          field: 'stageCode',
          message: next.length > 0 ? `must be one of ${next.join(', ')}` : 'no stage follows',
        },
      ],
    );
    problem.extensions = { currentStage: before.stage_code, allowedNextStages: next };
    throw problem;
  }
  await setPathwayStage(scope, id, { stageCode: input.stageCode, since: on });
  return [
    {
      entity: 'pathway',
      entityId: id,
      action: 'update',
      before: {
        templateCode: before.template_code,
        stage: before.stage_code,
        stageSince: before.stage_since,
      },
      after: { templateCode: before.template_code, stage: input.stageCode, stageSince: on },
    },
  ];
}
