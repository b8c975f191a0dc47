import type { PresentedPlan } from '../../api/plan.js';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_LABELS } from '../../domain.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { ContactLinks } from './ContactLinks.js';
import { useToggle } from '../../hooks/useToggle.js';
import { GapWarning } from './GapWarning.js';
import { type OrgPerson, organisationOf } from './organisation.js';
import { usePlanContext } from './PlanContext.js';
import { CoordinatorForm, EndForm, TeamMemberForm } from './edit/LazyForms.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { PlanSection } from './sections/PlanSection.js';

/**
 * The citizen's organisation: the citizen in the middle of everyone around them — professionals by
 * sector and unit, relatives and network, civil society — drawn as a diagram of nested lists, so
 * the diagram and its text equivalent are the same thing. Each person opens to their contact
 * details with one click; the coordinator is marked.
 */
export function OrganisationSection({
  plan,
  context,
}: {
  plan: PresentedPlan;
  context: 'citizen' | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { canEdit } = usePlanContext();
  const adder = useToggle();
  const organisation = useMemo(() => organisationOf(plan), [plan]);
  const name = `${plan.citizen.givenName} ${plan.citizen.familyName}`;
  return (
    <PlanSection
      headingId={anchors.team}
      title={t('plan.team.heading', { context })}
      actions={canEdit && !adder.open ? <OpenFormButton toggle={adder} label={t('plan.team.add')} /> : null}
    >
      <p className="samspil-muted">{t('plan.team.intro')}</p>
      {plan.gaps.missingCoordinator ? (
        <GapWarning>{t('plan.gaps.missingCoordinator', { context })}</GapWarning>
      ) : null}
      {adder.open ? <TeamMemberForm onDone={adder.hide} /> : null}
      <div className="samspil-org">
        <p className="samspil-org-citizen">
          <span className="samspil-org-citizen-label">{t('plan.team.citizen')}</span>
          <strong>{name}</strong>
        </p>
        <ul className="samspil-org-groups no-max-width">
          <li className="samspil-org-group is-professional">
            <h3 className="h5 samspil-org-group-heading">{t('plan.team.professionals')}</h3>
            {organisation.sectors.length === 0 ? (
              <p className="samspil-muted">{t('plan.team.empty')}</p>
            ) : null}
            <ul className="samspil-org-sectors no-max-width">
              {organisation.sectors.map((sector) => (
                <li key={sector.sector} className={`samspil-org-sector sector-${sector.sector}`}>
                  <h4 className="samspil-org-sector-heading">
                    {SECTOR_LABELS[sector.sector]?.[language] ?? sector.sector}
                  </h4>
                  <ul className="samspil-org-units no-max-width">
                    {sector.units.map((unit) => (
                      <li key={unit.id} className="samspil-org-unit">
                        <p className="samspil-org-unit-name">{unit.name}</p>
                        <People people={unit.people} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
          <li className="samspil-org-group is-network">
            <h3 className="h5 samspil-org-group-heading">{t('plan.team.network')}</h3>
            <People people={organisation.network} />
          </li>
          <li className="samspil-org-group is-civil-society">
            <h3 className="h5 samspil-org-group-heading">{t('plan.team.civilSociety')}</h3>
            <People people={organisation.civilSociety} />
          </li>
        </ul>
      </div>
    </PlanSection>
  );
}

function People({ people }: { people: OrgPerson[] }): ReactElement {
  const { t } = useTranslation();
  if (people.length === 0) return <p className="samspil-muted">{t('plan.team.empty')}</p>;
  return (
    <ul className="samspil-org-people no-max-width">
      {people.map((person) => (
        <Person key={person.key} person={person} />
      ))}
    </ul>
  );
}

function Person({ person }: { person: OrgPerson }): ReactElement {
  const { t } = useTranslation();
  const { canEdit } = usePlanContext();
  const coordinator = useToggle();
  const ender = useToggle();
  const member = person.member;
  return (
    <li className={person.isCoordinator ? 'samspil-org-person is-coordinator' : 'samspil-org-person'}>
      <details>
        <summary>
          <span className="samspil-org-person-name">{person.name}</span>
          {person.isCoordinator ? (
            <span className="badge badge-success samspil-badge">{t('plan.team.coordinator')}</span>
          ) : null}
          {person.detail ? <span className="samspil-org-person-detail">{person.detail}</span> : null}
          {member ? null : (
            <span className="samspil-org-person-detail">{t('plan.team.responsibleOnly')}</span>
          )}
        </summary>
        <div className="samspil-org-person-body">
          <ContactLinks phone={person.phone} email={person.email} />
          {!person.phone && !person.email ? (
            <p className="samspil-muted samspil-small">{t('plan.team.noContact')}</p>
          ) : null}
          {canEdit && member && !coordinator.open && !ender.open ? (
            <div className="samspil-item-actions">
              {member.kind === 'professional' && !member.isCoordinator ? (
                <button
                  type="button"
                  className="button button-tertiary"
                  ref={coordinator.trigger}
                  onClick={coordinator.show}
                  aria-label={`${t('plan.team.makeCoordinator')}: ${member.name}`}
                >
                  {t('plan.team.makeCoordinator')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button-tertiary"
                ref={ender.trigger}
                onClick={ender.show}
                aria-label={`${t('plan.team.endMember')}: ${member.name}`}
              >
                {t('plan.team.endMember')}
              </button>
            </div>
          ) : null}
          {member && coordinator.open ? <CoordinatorForm member={member} onDone={coordinator.hide} /> : null}
          {member && ender.open ? (
            <EndForm
              title={t('plan.team.endTitle', { name: member.name })}
              path={`/team/${member.id}/end`}
              onDone={ender.hide}
              theirs={(plan) => {
                const current = plan.team.find((item) => item.id === member.id);
                return [{ label: t('plan.team.name'), value: current ? current.name : t('plan.team.ended') }];
              }}
            />
          ) : null}
        </div>
      </details>
    </li>
  );
}
