import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateTeamMeeting, useTeamMeetings } from '../../api/team-meetings.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { teamMeetingPath } from '../../routes.js';
import { StepForm } from '../decisions/StepForm.js';

/** "Teammøder": my unit's team meetings (e.g. the rehabilitation team), and a new one. */
export function TeamMeetingsPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(t('teamCases.title'));
  const meetings = useTeamMeetings();
  const navigate = useNavigate();
  const create = useCreateTeamMeeting();
  const mutation = {
    ...create,
    mutate: (body: { title: string; startsAt: string }, options?: Parameters<typeof create.mutate>[1]) =>
      create.mutate(
        // The form asks for a day; the team meets at 9 in the morning, Danish time.
        { ...body, startsAt: new Date(`${body.startsAt}T09:00:00`).toISOString() },
        {
          ...options,
          onSuccess: (meeting, ...rest) => {
            options?.onSuccess?.(meeting, ...rest);
            void navigate(teamMeetingPath(meeting.id));
          },
        },
      ),
  } as typeof create;
  return (
    <>
      <h1>{t('teamCases.title')}</h1>
      <p className="font-lead">{t('teamCases.intro')}</p>
      <QueryStatus query={meetings} />
      {meetings.data && meetings.data.length === 0 ? <p>{t('teamCases.none')}</p> : null}
      <ul className="samspil-team-meetings">
        {meetings.data?.map((meeting) => (
          <li key={meeting.id}>
            <Link to={teamMeetingPath(meeting.id)}>{meeting.title}</Link> ·{' '}
            {formatDateTime(meeting.startsAt, language)} ·{' '}
            {t('teamCases.caseCount', { count: meeting.cases })}
            {meeting.returned > 0 ? ` · ${t('teamCases.returnedCount', { count: meeting.returned })}` : ''}
          </li>
        ))}
      </ul>
      <StepForm
        title={t('teamCases.newTitle')}
        fields={[
          { name: 'title', label: t('teamCases.form.title'), kind: 'text', required: true },
          { name: 'startsAt', label: t('teamCases.form.day'), kind: 'date', required: true },
        ]}
        mutation={mutation}
        submitLabel={t('teamCases.form.create')}
        sent={t('teamCases.saved')}
      />
    </>
  );
}
