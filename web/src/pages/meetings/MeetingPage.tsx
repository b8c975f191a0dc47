import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth.js';
import { useMeetings } from '../../api/meetings.js';
import { minutesUrl } from '../../api/network-meetings.js';
import { usePlan } from '../../api/plan.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { Fact } from '../coordination/Fact.js';
import { AgendaPanel } from './AgendaPanel.js';
import { AgreementsPanel } from './AgreementsPanel.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { RecordPanel } from './RecordPanel.js';

/**
 * One network meeting on a page of its own (/borgere/:citizenId/moeder/:meetingId): the
 * invitations with roles and the citizen's wishes, the agenda, the record once it is held, the
 * agreements written back to the plan, and the minutes. The plan's meeting list links here.
 */
export function MeetingPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { citizenId = '', meetingId = '' } = useParams();
  const meetings = useMeetings(citizenId);
  const plan = usePlan(citizenId);
  const me = useMe();
  const meeting = meetings.data?.find((item) => item.id === meetingId);
  const title = meeting
    ? t('networkMeeting.title', {
        kind: t(`meetings.kind.${meeting.kind}`),
        when: formatDateTime(meeting.startsAt, language),
      })
    : null;
  useDocumentTitle(title);
  if (!meetings.data) return <QueryStatus query={meetings} />;
  if (!meeting || !title) return <p>{t('networkMeeting.notFound')}</p>;
  const canAct = me.data?.kind === 'professional' && !meeting.detailsHidden;
  const where = [meeting.place, meeting.online ? t('meetings.online') : null].filter(Boolean).join(' · ');
  const props = { citizenId, meeting, canAct } as const;
  return (
    <div className="samspil-meeting-page">
      <p>
        <Link to={`/borgere/${citizenId}/plan#moeder`}>{t('networkMeeting.back')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="samspil-facts">
        <Fact label={t('meetings.where')}>{where}</Fact>
        <Fact label={t('meetings.organiser')}>
          {meeting.organiser.name} ({meeting.organiser.unit.name})
        </Fact>
        <Fact label={t('networkMeeting.status')}>{t(`meetings.status.${meeting.status}`)}</Fact>
        {meeting.purpose ? <Fact label={t('meetings.purpose')}>{meeting.purpose}</Fact> : null}
      </dl>
      {meeting.detailsHidden ? <p className="form-hint">{t('meetings.detailsHidden')}</p> : null}
      {/* A new list after a save: the form starts again from what was saved. */}
      <InvitationsPanel
        key={meeting.participants.map((person) => `${person.id}:${person.role}`).join()}
        {...props}
      />
      <AgendaPanel {...props} />
      <RecordPanel {...props} />
      <AgreementsPanel {...props} plan={plan.data ?? null} meUnitId={me.data?.unit?.id ?? null} />
      {meeting.status === 'held' && !meeting.detailsHidden ? (
        <p>
          <a href={minutesUrl(citizenId, meeting.id)} download>
            {t('networkMeeting.minutes')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
