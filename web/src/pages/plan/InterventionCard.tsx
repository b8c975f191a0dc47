import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type InterventionView, isFollowUpOverdue, PYRAMID_LABELS, type SubGoalView } from '../../domain.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { OverdueTag } from './OverdueTag.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { useToggle } from '../../hooks/useToggle.js';
import { GapWarning } from './GapWarning.js';
import { ContactFacts, InterventionItem, PeriodFact } from './InterventionItem.js';
import { ItemActions } from './ItemActions.js';
import { followUpPath } from '../../routes.js';
import { legalBasisText } from './legal-basis.js';
import { usePlanContext } from './PlanContext.js';
import { EndForm, InterventionForm } from './edit/LazyForms.js';
import { OwnershipLine, OwnershipActions } from './Ownership.js';
import { useDisclosure } from './sections/useDisclosure.js';

interface InterventionCardProps {
  intervention: InterventionView;
  subGoalsById: ReadonlyMap<string, SubGoalView>;
  withoutSubGoal: boolean;
}

/** One intervention (indsats): who gives it, under which law, when, how often, and what it serves. */
export function InterventionCard({
  intervention,
  subGoalsById,
  withoutSubGoal,
}: InterventionCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { canEdit, meUnitId, citizenId } = usePlanContext();
  const editor = useToggle();
  const ender = useToggle();
  const more = useDisclosure(null, false);
  const moreId = `${anchors.intervention(intervention.id)}-more`;
  // Only the owning unit edits and ends it; everyone else proposes a change (OwnershipActions).
  const owner = meUnitId !== null && meUnitId === intervention.unit.id;
  const editable = canEdit && owner && intervention.status !== 'ended';
  const pyramid = PYRAMID_LABELS[intervention.pyramidLevel];
  const linked = intervention.subGoalIds
    .map((subGoalId) => subGoalsById.get(subGoalId))
    .filter((subGoal): subGoal is SubGoalView => subGoal !== undefined);

  return (
    <InterventionItem
      id={intervention.id}
      modifier={`is-${intervention.status}`}
      name={intervention.type.name}
      status={intervention.status}
      headingExtras={
        <>
          {intervention.businessDirected ? (
            <span className="badge badge-info samspil-badge">{t('plan.interventions.businessDirected')}</span>
          ) : null}
          {editable && !editor.open && !ender.open ? (
            <ItemActions
              itemName={intervention.type.name}
              followUpHref={followUpPath(citizenId, 'intervention', intervention.id)}
              onEdit={editor.show}
              onEnd={ender.show}
              editRef={editor.trigger}
              endRef={ender.trigger}
            />
          ) : null}
        </>
      }
    >
      <OwnershipLine intervention={intervention} />
      {editor.open ? <InterventionForm intervention={intervention} onDone={editor.hide} /> : null}
      {ender.open ? (
        <EndForm
          title={t('plan.interventions.end', { name: intervention.type.name })}
          path={`/interventions/${intervention.id}/end`}
          withEndDate
          onDone={ender.hide}
          theirs={(plan) => {
            const current = plan.sectors
              .flatMap((group) => group.interventions)
              .find((item) => item.id === intervention.id);
            return current
              ? [
                  {
                    label: t('plan.interventions.status'),
                    value: t(`plan.interventionStatus.${current.status}`),
                  },
                ]
              : [];
          }}
        />
      ) : null}
      {intervention.purpose ? <p className="samspil-purpose">{intervention.purpose}</p> : null}
      <dl className="samspil-facts">
        <ContactFacts responsible={intervention.responsible} />
        <PeriodFact startDate={intervention.startDate} endDate={intervention.endDate} />
        {intervention.followUpDate ? (
          <div>
            <dt>{t('plan.interventions.followUp')}</dt>
            <dd>
              {formatDate(intervention.followUpDate, language)}
              {isFollowUpOverdue(intervention, danishToday()) ? (
                <>
                  {' '}
                  <OverdueTag since={intervention.followUpDate} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {intervention.frequency ? (
          <div>
            <dt>{t('plan.interventions.frequency')}</dt>
            <dd>{intervention.frequency}</dd>
          </div>
        ) : null}
        {intervention.endReason ? (
          <div className="samspil-facts-wide">
            <dt>{t('plan.interventions.endReason')}</dt>
            <dd>{intervention.endReason}</dd>
          </div>
        ) : null}
        <div className="samspil-facts-wide">
          <dt>{t('plan.interventions.subGoals')}</dt>
          <dd>
            {linked.length > 0 ? (
              <ul className="samspil-inline-list no-max-width">
                {linked.map((subGoal) => (
                  <li key={subGoal.id}>
                    <a href={`#${anchors.subGoal(subGoal.id)}`}>{subGoal.title}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="samspil-muted">{t('plan.interventions.noSubGoals')}</span>
            )}
          </dd>
        </div>
      </dl>
      {/* What one looks up now and then, one click away: keeps the card to what is used daily. */}
      <button
        type="button"
        className="button button-tertiary samspil-more-toggle"
        aria-expanded={more.open}
        aria-controls={moreId}
        aria-label={`${t('plan.interventions.more')}: ${intervention.type.name}`}
        onClick={more.toggle}
      >
        {t('plan.interventions.more')}
      </button>
      <div
        id={moreId}
        ref={more.body}
        className={more.open ? 'samspil-section-body' : 'samspil-section-body is-folded'}
      >
        <dl className="samspil-facts">
          <div className="samspil-facts-wide">
            <dt>{t('plan.interventions.legalBasis')}</dt>
            <dd>{legalBasisText(intervention.legalBasis)}</dd>
          </div>
          {intervention.caseReference ? (
            <div>
              <dt>{t('plan.interventions.caseReference')}</dt>
              <dd>{intervention.caseReference}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('plan.interventions.pyramid')}</dt>
            <dd>
              {t('plan.interventions.pyramidLevel', {
                level: intervention.pyramidLevel,
                label: pyramid ? pyramid[language] : '',
              })}
            </dd>
          </div>
          {intervention.costOre > 0 ? (
            <div>
              <dt>{t('plan.interventions.cost')}</dt>
              <dd>{formatMoney(intervention.costOre, language)}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <OwnershipActions intervention={intervention} itemName={intervention.type.name} />
      {withoutSubGoal ? <GapWarning>{t('plan.gaps.interventionWithoutSubGoal')}</GapWarning> : null}
    </InterventionItem>
  );
}
