import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictedInterventionView } from '../../api/plan.js';
import { ContactFacts, InterventionItem, PeriodFact } from './InterventionItem.js';
import { OwnershipActions, OwnershipLine } from './Ownership.js';

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
  return (
    <InterventionItem
      id={intervention.id}
      modifier="is-restricted"
      name={t('plan.interventions.restrictedName', { unit: intervention.unit.name })}
      status={intervention.status}
    >
      <OwnershipLine intervention={intervention} />
      <dl className="samspil-facts">
        <ContactFacts responsible={intervention.responsible} />
        <PeriodFact startDate={intervention.startDate} endDate={intervention.endDate} />
      </dl>
      <OwnershipActions
        intervention={intervention}
        itemName={t('plan.interventions.restrictedName', { unit: intervention.unit.name })}
      />
    </InterventionItem>
  );
}
