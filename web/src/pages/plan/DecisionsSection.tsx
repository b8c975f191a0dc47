import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDecisions } from '../../api/decisions.js';
import { decisionPath } from '../../routes.js';
import { usePlanContext } from './PlanContext.js';
import { PlanSection } from './sections/PlanSection.js';

/**
 * The citizen's decisions on the professionals' plan, one line each with where it stands in the
 * checklist, linking to the decision's own page (issue 14); the plan page does not grow with them.
 */
export function DecisionsSection(): ReactElement | null {
  const { t } = useTranslation();
  const { citizenId } = usePlanContext();
  const decisions = useDecisions(citizenId);
  const items = decisions.data ?? [];
  // Nothing when there is none: a new draft starts from the plan's actions (PlanActions).
  if (items.length === 0) return null;
  return (
    <PlanSection headingId="plan-decisions-heading" id="afgoerelser" title={t('decisionPage.planHeading')}>
      <ul className="samspil-decision-lines">
        {items.map((decision) => (
          <li key={decision.id}>
            <Link to={decisionPath(citizenId, decision.id)}>{decision.title}</Link>
            <span className="samspil-muted">
              {' '}
              · {t(`decisionPage.status.${decision.status}`)}
              {decision.nextStep ? ` · ${t(`decisionPage.nextStep.${decision.nextStep}`)}` : ''}
              {decision.appeal?.overdue ? ` · ${t('decisionPage.overdue')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </PlanSection>
  );
}
