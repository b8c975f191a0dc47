import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { PathwayEndForm, PathwayForm, StageForm } from './edit/LazyForms.js';
import { StageLine } from './StageLine.js';
import { useToggle } from '../../hooks/useToggle.js';
import { usePlanContext } from './PlanContext.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { PlanSection } from './sections/PlanSection.js';
import { EndedGroup } from './sections/EndedGroup.js';

/**
 * The framed courses (forløb) the plan runs in — a ressourceforløb, a holistic plan under LAB
 * § 40 stk. 3 — with their start and end. The coordination rules measure "no intervention
 * within six months" from a pathway's start, so it is recorded here, with history.
 */
export function PathwaysSection(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { plan, canEdit } = usePlanContext();
  const adder = useToggle();
  const [ending, setEnding] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const running = plan.pathways.filter((pathway) => pathway.endDate === null);
  const ended = plan.pathways.filter((pathway) => pathway.endDate !== null);
  const renderPathway = (pathway: (typeof plan.pathways)[number]): ReactElement => (
    <li key={pathway.id} className="samspil-pathway">
      <p>
        <strong>{pathway.name[language]}</strong>{' '}
        <span className="samspil-muted">
          {pathway.endDate
            ? t('plan.pathways.period', {
                from: formatDate(pathway.startDate, language),
                to: formatDate(pathway.endDate, language),
              })
            : t('plan.pathways.since', { from: formatDate(pathway.startDate, language) })}
          {pathway.templateVersion
            ? ` · ${t('pathwayTemplates.stages.version', { version: pathway.templateVersion.version })}`
            : null}
        </span>
      </p>
      {pathway.outcome ? (
        <p className="samspil-small" data-testid="pathway-outcome">
          {t('pathwayOutcome.ended', { outcome: t(`pathwayOutcome.name.${pathway.outcome}`) })}
        </p>
      ) : null}
      {pathway.endReason ? (
        <p className="samspil-small">
          {t('plan.pathways.endReason')}: {pathway.endReason}
        </p>
      ) : null}
      {pathway.endDate === null ? (
        // One line: the stage, what is due, and the actions (the plan page's height is tight).
        <p className="samspil-small samspil-pathway-stage">
          <StageLine pathway={pathway} />
          {canEdit && (pathway.stage?.next.length ?? 0) > 0 && moving !== pathway.id ? (
            <button
              type="button"
              className="button button-tertiary"
              aria-label={`${t('pathwayTemplates.stages.move')}: ${pathway.name[language]}`}
              onClick={() => setMoving(pathway.id)}
            >
              {t('pathwayTemplates.stages.move')}
            </button>
          ) : null}
          {canEdit && ending !== pathway.id ? (
            <button
              type="button"
              className="button button-tertiary"
              aria-label={`${t('plan.pathways.end')}: ${pathway.name[language]}`}
              onClick={() => setEnding(pathway.id)}
            >
              {t('plan.pathways.end')}
            </button>
          ) : null}
        </p>
      ) : null}
      {moving === pathway.id ? <StageForm pathway={pathway} onDone={() => setMoving(null)} /> : null}
      {ending === pathway.id ? <PathwayEndForm pathway={pathway} onDone={() => setEnding(null)} /> : null}
    </li>
  );
  return (
    <PlanSection
      headingId={anchors.pathways}
      title={t('plan.pathways.heading')}
      summary={t('plan.pathways.count', { count: plan.pathways.length })}
      actions={
        canEdit && !adder.open ? <OpenFormButton toggle={adder} label={t('plan.pathways.start')} /> : null
      }
    >
      {adder.open ? <PathwayForm onDone={adder.hide} /> : null}
      {plan.pathways.length === 0 ? (
        <p className="samspil-muted">{t('plan.pathways.none')}</p>
      ) : (
        <>
          <ul className="samspil-pathways no-max-width">{running.map(renderPathway)}</ul>
          {/* Ended pathways keep their outcome in the story, one click away (the page is tall). */}
          <EndedGroup count={ended.length}>
            <ul className="samspil-pathways no-max-width">{ended.map(renderPathway)}</ul>
          </EndedGroup>
        </>
      )}
    </PlanSection>
  );
}
