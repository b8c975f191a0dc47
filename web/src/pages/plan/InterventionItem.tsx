import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView, InterventionStatus } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FlagMarker } from '../coordination/FlagMarker.js';
import { anchors } from './anchors.js';
import { ContactLinks } from './ContactLinks.js';
import { StatusBadge } from './StatusBadge.js';

interface InterventionItemProps {
  id: string;
  /** `is-<status>`, or `is-restricted` for an intervention the viewer may not see into. */
  modifier: string;
  name: string;
  status: InterventionStatus;
  /** More badges and actions in the heading row, after the status and the flag marker. */
  headingExtras?: ReactNode;
  children: ReactNode;
}

/**
 * One intervention in the plan's list, full or restricted: a list item that links can jump to,
 * an article named by its heading, and the heading row with the status and flag marker.
 */
export function InterventionItem({
  id,
  modifier,
  name,
  status,
  headingExtras,
  children,
}: InterventionItemProps): ReactElement {
  const headingId = `${anchors.intervention(id)}-name`;
  return (
    <li className={`samspil-intervention ${modifier}`} id={anchors.intervention(id)} tabIndex={-1}>
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h4 id={headingId}>{name}</h4>
          <StatusBadge kind="intervention" status={status} />
          <FlagMarker id={id} />
          {headingExtras}
        </div>
        {children}
      </article>
    </li>
  );
}

/**
 * Whom to contact: the responsible professional. The unit is named once, in the card's ownership
 * line ("Ejes af …"), so it is not repeated here.
 */
export function ContactFacts({ responsible }: { responsible: ContactView | null }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="samspil-facts-wide">
      <dt>{t('plan.interventions.responsible')}</dt>
      <dd>
        {responsible ? (
          <>
            {responsible.name}
            <span className="samspil-muted">, {responsible.profession}</span>
            <ContactLinks phone={responsible.phone} email={responsible.email} />
          </>
        ) : (
          <span className="samspil-muted">{t('plan.interventions.noResponsible')}</span>
        )}
      </dd>
    </div>
  );
}

/** The intervention's period: from its start, to its end if it has one. */
export function PeriodFact({
  startDate,
  endDate,
}: {
  startDate: string;
  endDate: string | null;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const start = formatDate(startDate, language);
  return (
    <div>
      <dt>{t('plan.interventions.period')}</dt>
      <dd>
        {endDate
          ? t('plan.interventions.periodClosed', { start, end: formatDate(endDate, language) })
          : t('plan.interventions.periodOpen', { start })}
      </dd>
    </div>
  );
}
