import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTOR_LABELS, type TeamMemberKind, type TeamMemberView } from '../../domain.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { anchors } from './anchors.js';
import { ContactLinks } from './ContactLinks.js';
import { GapWarning } from './GapWarning.js';

interface TeamSectionProps {
  team: TeamMemberView[];
  missingCoordinator: boolean;
  context: 'citizen' | undefined;
}

const GROUPS: { kind: TeamMemberKind; labelKey: string }[] = [
  { kind: 'professional', labelKey: 'plan.team.professionals' },
  { kind: 'network', labelKey: 'plan.team.network' },
  { kind: 'civil_society', labelKey: 'plan.team.civilSociety' },
];

/** Everyone around the citizen: professionals (coordinator first), relatives and network, civil society. */
export function TeamSection({ team, missingCoordinator, context }: TeamSectionProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={anchors.team}>
      <h2 id={anchors.team}>{t('plan.team.heading', { context })}</h2>
      {missingCoordinator ? <GapWarning>{t('plan.gaps.missingCoordinator', { context })}</GapWarning> : null}
      <div className="samspil-team">
        {GROUPS.map((group) => {
          const members = team
            .filter((member) => member.kind === group.kind)
            .sort((a, b) => Number(b.isCoordinator) - Number(a.isCoordinator));
          const headingId = `${anchors.team}-${group.kind}`;
          return (
            <section key={group.kind} aria-labelledby={headingId} className="samspil-team-group">
              <h3 id={headingId} className="h4">
                {t(group.labelKey)}
              </h3>
              {members.length === 0 ? (
                <p className="samspil-muted">{t('plan.team.empty')}</p>
              ) : (
                <ul className="samspil-team-list no-max-width">
                  {members.map((member) => (
                    <TeamMember key={member.id} member={member} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function TeamMember({ member }: { member: TeamMemberView }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const details = [
    member.profession,
    member.unit
      ? `${member.unit.name} (${SECTOR_LABELS[member.unit.sector]?.[language] ?? member.unit.sector})`
      : null,
    member.relation,
    member.role,
  ].filter((detail): detail is string => Boolean(detail));
  return (
    <li className={member.isCoordinator ? 'samspil-team-member is-coordinator' : 'samspil-team-member'}>
      <p className="samspil-team-name">
        <strong>{member.name}</strong>
        {member.isCoordinator ? (
          <span className="badge badge-success samspil-badge">{t('plan.team.coordinator')}</span>
        ) : null}
      </p>
      {details.length > 0 ? <p className="samspil-team-details">{details.join(' · ')}</p> : null}
      <ContactLinks phone={member.phone} email={member.email} />
      <p className="samspil-muted samspil-small">
        {t('plan.team.since', { date: formatDate(member.startDate, language) })}
      </p>
    </li>
  );
}
