import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { Link } from 'react-router';
import { newDecisionPath } from '../../routes.js';

/**
 * "Udskriv" and "Hent som PDF" in the plan's header. Printing uses the page's print styles (no
 * menu, every section open); the PDF is made on the server, in the page's language, with what
 * this reader may see, and its download is audited like any read.
 */
export function PlanActions({
  citizenId,
  professional = true,
}: {
  citizenId: string;
  /** Professionals draft decisions from here (the plan has no decision section without one). */
  professional?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="samspil-plan-actions">
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        <Icon name="print" />
        {t('plan.print.print')}
      </button>
      <a
        className="button button-secondary"
        href={`/api/citizens/${encodeURIComponent(citizenId)}/plan.pdf?lang=${language}`}
        download
      >
        <Icon name="download" />
        {t('plan.print.pdf')}
      </a>
      {professional ? (
        <Link className="button button-secondary" to={newDecisionPath(citizenId)}>
          {t('decisionPage.newLink')}
        </Link>
      ) : null}
    </div>
  );
}
