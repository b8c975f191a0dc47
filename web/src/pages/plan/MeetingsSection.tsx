import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type Meeting, useMeetings } from '../../api/meetings.js';
import { useMe } from '../../api/auth.js';
import { useToggle } from '../../hooks/useToggle.js';
import { MeetingCard } from './MeetingCard.js';
import { MeetingForm } from './MeetingForm.js';
import { usePlanContext } from './PlanContext.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { PlanSection } from './sections/PlanSection.js';

export const meetingsAnchor = 'moeder';

/** Network and team meetings on the plan: upcoming and past; professionals arrange, hold and cancel. */
export function MeetingsSection(): ReactElement {
  const { t } = useTranslation();
  const { citizenId, plan, canEdit, meId } = usePlanContext();
  const me = useMe();
  const forCitizen = me.data?.kind === 'citizen';
  const context = forCitizen ? 'citizen' : undefined;
  const meetings = useMeetings(citizenId);
  const creating = useToggle();
  const upcoming = (meetings.data ?? []).filter((meeting) => meeting.status === 'planned');
  const past = (meetings.data ?? []).filter((meeting) => meeting.status !== 'planned').reverse();
  const list = (items: Meeting[]) => (
    <ul className="samspil-referrals no-max-width">
      {items.map((meeting) => (
        <MeetingCard
          key={meeting.id}
          meeting={meeting}
          citizenId={citizenId}
          canAct={canEdit}
          forCitizen={forCitizen}
        />
      ))}
    </ul>
  );

  return (
    <PlanSection
      headingId="plan-meetings"
      id={meetingsAnchor}
      title={t('meetings.heading', { context })}
      summary={meetings.data ? t('meetings.upcomingCount', { count: upcoming.length }) : undefined}
    >
      <p>{t('meetings.intro', { context })}</p>
      <QueryStatus query={meetings} />
      {meetings.data ? (
        <>
          <h3 className="h4">{t('meetings.upcoming')}</h3>
          {upcoming.length > 0 ? list(upcoming) : <p>{t('meetings.noneUpcoming', { context })}</p>}
          {past.length > 0 ? (
            <>
              <h3 className="h4">{t('meetings.past')}</h3>
              {list(past)}
            </>
          ) : null}
        </>
      ) : null}
      {canEdit && !creating.open ? (
        <p className="samspil-item-actions">
          <OpenFormButton toggle={creating} label={t('meetings.new.open')} />
        </p>
      ) : null}
      {creating.open ? (
        <MeetingForm citizenId={citizenId} team={plan.team} meId={meId} onDone={creating.hide} />
      ) : null}
    </PlanSection>
  );
}
