import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMemberView } from '../../domain.js';
import type { MyPathway } from './my-pathway.js';

/** Whom to call: the coordinator first, with phone and mail as links; then the others. */
export function WhomToCall({
  view,
  context,
}: {
  view: MyPathway;
  context: 'relative' | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const { coordinator } = view;
  return (
    <section aria-labelledby="hvem-ringer" className="samspil-whom-to-call">
      <h2 id="hvem-ringer">{t('citizen.call.heading', { context })}</h2>
      {coordinator ? (
        <div className="card samspil-contact-card">
          <div className="card-content">
            <p>
              <strong>{t('citizen.call.main', { context, name: coordinator.name })}</strong>
            </p>
            <ContactWays member={coordinator} />
            <p className="samspil-muted">{t('citizen.call.mainWhy', { context })}</p>
          </div>
        </div>
      ) : (
        <p>{t('citizen.call.none', { context })}</p>
      )}
      {view.otherProfessionals.length > 0 ? (
        <details className="samspil-folded">
          <summary>{t('citizen.call.others', { context, count: view.otherProfessionals.length })}</summary>
          <ul className="samspil-contact-list">
            {view.otherProfessionals.map((member) => (
              <li key={member.id}>
                {member.name}
                {member.unit ? `, ${member.unit.name}` : ''}
                <ContactWays member={member} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {view.network.length > 0 ? (
        <>
          <h3 className="h5">{t('citizen.call.network', { context })}</h3>
          <ul className="samspil-contact-list">
            {view.network.map((member) => (
              <li key={member.id}>
                {member.name}
                {member.relation ? ` (${member.relation})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ContactWays({ member }: { member: TeamMemberView }): ReactElement | null {
  const { t } = useTranslation();
  if (!member.phone && !member.email) return null;
  return (
    <span className="samspil-contact-ways">
      {member.phone ? (
        <a href={`tel:${member.phone.replaceAll(' ', '')}`}>
          {t('citizen.call.phone', { phone: member.phone })}
        </a>
      ) : null}
      {member.email ? (
        <a href={`mailto:${member.email}`}>{t('citizen.call.mail', { email: member.email })}</a>
      ) : null}
    </span>
  );
}
