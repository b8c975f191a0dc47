import type { PresentedIntervention } from '../../api/plan.js';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isSubGoalOverdue, type SubGoalView } from '../../domain.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { OverdueTag } from './OverdueTag.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { useToggle } from '../../hooks/useToggle.js';
import { GapWarning } from './GapWarning.js';
import type { GasPoint } from './gas-trace.js';
import { GasScale } from './GasScale.js';
import { GasTrace } from './GasTrace.js';
import { ItemActions } from './ItemActions.js';
import { followUpPath } from '../../routes.js';
import { usePlanContext } from './PlanContext.js';
import { FlagMarker } from '../coordination/FlagMarker.js';
import { StatusBadge } from './StatusBadge.js';
import { interventionName } from './intervention-view.js';
import { EndForm, SubGoalForm } from './edit/LazyForms.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { EndedGroup } from './sections/EndedGroup.js';
import { PlanSection } from './sections/PlanSection.js';
import { SubGoalOwnership } from './Ownership.js';

interface SubGoalListProps {
  subGoals: SubGoalView[];
  interventionsById: ReadonlyMap<string, PresentedIntervention>;
  withoutIntervention: ReadonlySet<string>;
  traces: ReadonlyMap<string, GasPoint[]>;
}

/** The sub-goals (delmål), each with status, target date, GAS level and trace, and what serves it. */
export function SubGoalList({
  subGoals,
  interventionsById,
  withoutIntervention,
  traces,
}: SubGoalListProps): ReactElement {
  const { t } = useTranslation();
  const { canEdit } = usePlanContext();
  const adder = useToggle();
  // Sub-goals reached or ended stay in the plan's story, folded under "Afsluttede (n)", each with
  // its status badge ("Nået", "Afsluttet"); only those still worked on are listed open.
  const active = subGoals.filter((subGoal) => subGoal.status === 'active');
  const ended = subGoals.filter((subGoal) => subGoal.status !== 'active');
  const item = (subGoal: SubGoalView): ReactElement => (
    <SubGoalItem
      key={subGoal.id}
      subGoal={subGoal}
      serving={subGoal.interventionIds
        .map((interventionId) => interventionsById.get(interventionId))
        .filter((intervention): intervention is PresentedIntervention => intervention !== undefined)}
      withoutIntervention={withoutIntervention.has(subGoal.id)}
      trace={traces.get(subGoal.id) ?? []}
    />
  );
  return (
    <PlanSection
      headingId={anchors.subGoals}
      title={t('plan.subGoals.heading')}
      summary={t('plan.subGoals.activeCount', { count: active.length })}
      actions={
        canEdit && !adder.open ? <OpenFormButton toggle={adder} label={t('plan.subGoals.add')} /> : null
      }
    >
      {adder.open ? <SubGoalForm onDone={adder.hide} /> : null}
      {subGoals.length === 0 ? <p>{t('plan.subGoals.empty')}</p> : null}
      {active.length > 0 ? <ol className="samspil-sub-goals no-max-width">{active.map(item)}</ol> : null}
      <EndedGroup count={ended.length}>
        <ol className="samspil-sub-goals no-max-width">{ended.map(item)}</ol>
      </EndedGroup>
    </PlanSection>
  );
}

function SubGoalItem({
  subGoal,
  serving,
  withoutIntervention,
  trace,
}: {
  subGoal: SubGoalView;
  serving: PresentedIntervention[];
  withoutIntervention: boolean;
  trace: GasPoint[];
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { canEdit, citizenId } = usePlanContext();
  const editor = useToggle();
  const ender = useToggle();
  const editable = canEdit && subGoal.status !== 'ended';
  return (
    <li id={anchors.subGoal(subGoal.id)} className={`samspil-sub-goal is-${subGoal.status}`} tabIndex={-1}>
      <div className="samspil-item-heading">
        <h3 className="h4">{subGoal.title}</h3>
        <StatusBadge kind="subGoal" status={subGoal.status} />
        <FlagMarker id={subGoal.id} />
        {editable && !editor.open && !ender.open ? (
          <ItemActions
            itemName={subGoal.title}
            followUpHref={
              subGoal.status === 'active' ? followUpPath(citizenId, 'sub_goal', subGoal.id) : undefined
            }
            onEdit={editor.show}
            onEnd={ender.show}
            editRef={editor.trigger}
            endRef={ender.trigger}
          />
        ) : null}
      </div>
      <SubGoalOwnership />
      {editor.open ? <SubGoalForm subGoal={subGoal} onDone={editor.hide} /> : null}
      {ender.open ? (
        <EndForm
          title={t('plan.subGoals.end', { title: subGoal.title })}
          path={`/sub-goals/${subGoal.id}/end`}
          onDone={ender.hide}
          theirs={(plan) => {
            const current = plan.subGoals.find((item) => item.id === subGoal.id);
            return current
              ? [{ label: t('plan.subGoals.status'), value: t(`plan.subGoalStatus.${current.status}`) }]
              : [];
          }}
        />
      ) : null}
      <dl className="samspil-facts">
        <div>
          <dt>{t('plan.subGoals.targetDate')}</dt>
          <dd>
            {subGoal.targetDate ? formatDate(subGoal.targetDate, language) : t('plan.subGoals.noTargetDate')}
            {subGoal.targetDate && isSubGoalOverdue(subGoal, danishToday()) ? (
              <>
                {' '}
                <OverdueTag since={subGoal.targetDate} />
              </>
            ) : null}
          </dd>
        </div>
        <div className="samspil-facts-wide-md">
          <dt>{t('plan.subGoals.gas')}</dt>
          <dd>
            <GasScale level={subGoal.gasLevel} />
            <GasTrace points={trace} />
          </dd>
        </div>
        {subGoal.measure ? (
          <div className="samspil-facts-wide">
            <dt>{t('plan.subGoals.measure')}</dt>
            <dd>{subGoal.measure}</dd>
          </div>
        ) : null}
        {subGoal.endReason ? (
          <div className="samspil-facts-wide">
            <dt>{t('plan.subGoals.endReason')}</dt>
            <dd>{subGoal.endReason}</dd>
          </div>
        ) : null}
        {serving.length > 0 ? (
          <div className="samspil-facts-wide">
            <dt>{t('plan.subGoals.servedBy')}</dt>
            <dd>
              <ul className="samspil-inline-list no-max-width">
                {serving.map((intervention) => (
                  <li key={intervention.id}>
                    <a href={`#${anchors.intervention(intervention.id)}`}>
                      {interventionName(intervention, (unit) =>
                        t('plan.interventions.restrictedName', { unit }),
                      )}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {withoutIntervention ? <GapWarning>{t('plan.gaps.subGoalWithoutIntervention')}</GapWarning> : null}
    </li>
  );
}
