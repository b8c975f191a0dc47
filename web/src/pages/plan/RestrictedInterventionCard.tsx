import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictedInterventionView } from '../../api/types.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { ContactLinks } from './ContactLinks.js';
import { FlagMarker } from '../coordination/FlagMarker.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * Another unit's intervention the viewer may know of but not see into: the unit, the contact
 * person, the period and the status — so they can reach out — but not what it is.
 */
export function RestrictedInterventionCard({
  intervention,
}: {
  intervention: RestrictedInterventionView;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const start = formatDate(intervention.startDate, language);
  const headingId = `${anchors.intervention(intervention.id)}-name`;
  return (
    <li
      className="samspil-intervention is-restricted"
      id={anchors.intervention(intervention.id)}
      tabIndex={-1}
    >
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h4 id={headingId}>{t('plan.interventions.restrictedName', { unit: intervention.unit.name })}</h4>
          <StatusBadge kind="intervention" status={intervention.status} />
          <FlagMarker id={intervention.id} />
        </div>
        <p className="samspil-muted samspil-small">{t('plan.interventions.restrictedText')}</p>
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
            <dt>{t('plan.interventions.period')}</dt>
            <dd>
              {intervention.endDate
                ? t('plan.interventions.periodClosed', {
                    start,
                    end: formatDate(intervention.endDate, language),
                  })
                : t('plan.interventions.periodOpen', { start })}
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
