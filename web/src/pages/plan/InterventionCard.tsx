import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type InterventionView, PYRAMID_LABELS, type SubGoalView } from '../../domain.js';
import { formatDate, formatMoney } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { ContactLinks } from './ContactLinks.js';
import { useToggle } from './edit/useToggle.js';
import { GapWarning } from './GapWarning.js';
import { ItemActions } from './ItemActions.js';
import { legalBasisText } from './legal-basis.js';
import { usePlanContext } from './PlanContext.js';
import { FlagMarker } from '../coordination/FlagMarker.js';
import { StatusBadge } from './StatusBadge.js';
import { EndForm, InterventionForm } from './edit/LazyForms.js';

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
  const { canEdit } = usePlanContext();
  const editor = useToggle();
  const ender = useToggle();
  const editable = canEdit && intervention.status !== 'ended';
  const start = formatDate(intervention.startDate, language);
  const period = intervention.endDate
    ? t('plan.interventions.periodClosed', { start, end: formatDate(intervention.endDate, language) })
    : t('plan.interventions.periodOpen', { start });
  const pyramid = PYRAMID_LABELS[intervention.pyramidLevel];
  const linked = intervention.subGoalIds
    .map((subGoalId) => subGoalsById.get(subGoalId))
    .filter((subGoal): subGoal is SubGoalView => subGoal !== undefined);

  return (
    <li
      className={`samspil-intervention is-${intervention.status}`}
      id={anchors.intervention(intervention.id)}
      tabIndex={-1}
    >
      <article aria-labelledby={`${anchors.intervention(intervention.id)}-name`}>
        <div className="samspil-item-heading">
          <h4 id={`${anchors.intervention(intervention.id)}-name`}>{intervention.type.name}</h4>
          <StatusBadge kind="intervention" status={intervention.status} />
          <FlagMarker id={intervention.id} />
          {intervention.businessDirected ? (
            <span className="badge badge-info samspil-badge">{t('plan.interventions.businessDirected')}</span>
          ) : null}
          {editable && !editor.open && !ender.open ? (
            <ItemActions
              itemName={intervention.type.name}
              onEdit={editor.show}
              onEnd={ender.show}
              editRef={editor.trigger}
              endRef={ender.trigger}
            />
          ) : null}
        </div>
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
          <div className="samspil-facts-wide">
            <dt>{t('plan.interventions.responsible')}</dt>
            <dd>
              {intervention.responsible ? (
                <>
                  {intervention.responsible.name}
                  <span className="samspil-muted">, {intervention.responsible.profession}</span>
                  <ContactLinks
                    phone={intervention.responsible.phone}
                    email={intervention.responsible.email}
                  />
                </>
              ) : (
                <span className="samspil-muted">{t('plan.interventions.noResponsible')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('plan.interventions.unit')}</dt>
            <dd>{intervention.unit.name}</dd>
          </div>
          <div>
            <dt>{t('plan.interventions.legalBasis')}</dt>
            <dd>{legalBasisText(intervention.legalBasis)}</dd>
          </div>
          <div>
            <dt>{t('plan.interventions.period')}</dt>
            <dd>{period}</dd>
          </div>
          {intervention.followUpDate ? (
            <div>
              <dt>{t('plan.interventions.followUp')}</dt>
              <dd>{formatDate(intervention.followUpDate, language)}</dd>
            </div>
          ) : null}
          {intervention.frequency ? (
            <div>
              <dt>{t('plan.interventions.frequency')}</dt>
              <dd>{intervention.frequency}</dd>
            </div>
          ) : null}
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
        {withoutSubGoal ? <GapWarning>{t('plan.gaps.interventionWithoutSubGoal')}</GapWarning> : null}
      </article>
    </li>
  );
}
