import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecisions } from '../../api/decisions.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { legalBasisText } from './legal-basis.js';
import { usePlanContext } from './PlanContext.js';
import { PlanSection } from './sections/PlanSection.js';

/**
 * Drafts in hearing on the professionals' plan, with the citizen's comments and corrections
 * under each (issue 11, item 6). Nothing when there is none; the workflow around it (drafting in
 * the app, the final decision) is issue 14's.
 */
export function DecisionsSection(): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const { citizenId } = usePlanContext();
  const decisions = useDecisions(citizenId);
  const hearing = decisions.data?.filter((decision) => decision.status === 'hearing') ?? [];
  if (hearing.length === 0) return null;
  return (
    <PlanSection headingId="plan-decisions-heading" id="afgoerelser" title={t('plan.decisions.heading')}>
      <p className="samspil-muted">{t('plan.decisions.intro')}</p>
      <ul className="nobullet-list no-max-width">
        {hearing.map((decision) => {
          const date = decision.hearingUntil ? formatDate(decision.hearingUntil, language) : '';
          return (
            <li key={decision.id}>
              <article className="card samspil-decision-card" aria-label={decision.title}>
                <div className="card-content">
                  <h3 className="h5">{decision.title}</h3>
                  <p className="samspil-muted">
                    {decision.unit.name} · {legalBasisText(decision.legalBasis)} ·{' '}
                    {decision.hearingOpen
                      ? t('plan.decisions.until', { date })
                      : t('plan.decisions.closed', { date })}
                    {decision.negative ? ` · ${t('plan.decisions.negative')}` : ''}
                  </p>
                  <p>{decision.proposal}</p>
                  {decision.responses.length === 0 ? <p>{t('plan.decisions.noAnswers')}</p> : null}
                  <ul className="samspil-citizen-voice-list">
                    {decision.responses.map((response) => (
                      <li key={response.id}>
                        <span className="samspil-muted">
                          {formatDate(response.at.slice(0, 10), language)} ·{' '}
                          {t(`plan.decisions.${response.kind}`)}:
                        </span>{' '}
                        {response.text}
                      </li>
                    ))}
                  </ul>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </PlanSection>
  );
}
