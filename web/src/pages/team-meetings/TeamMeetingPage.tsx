import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type TeamMeeting, useListTeamCase, useRecommend, useTeamMeeting } from '../../api/team-meetings.js';
import { useCaseload } from '../../api/workspace.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { formatDateTime } from '../../i18n/format.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { newDecisionPath, planPath, teamMeetingsPath } from '../../routes.js';
import { StepForm } from '../decisions/StepForm.js';

type TeamCase = TeamMeeting['cases'][number];
type VisibleCase = Extract<TeamCase, { detailsHidden: false }>;

/**
 * One team meeting (`/teammoeder/:id`): its case list, each case with the caseworker's summary,
 * the citizen's own preparation, whether she attends and with whom, and the team's
 * recommendation (or its form). A case a decision departed from is back here as returned, with why.
 */
export function TeamMeetingPage(): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const { teamMeetingId = '' } = useParams();
  const meeting = useTeamMeeting(teamMeetingId);
  useDocumentTitle(meeting.data?.title ?? t('teamCases.title'));
  return (
    <>
      <p>
        <Link to={teamMeetingsPath}>{t('teamCases.back')}</Link>
      </p>
      <QueryStatus query={meeting} />
      {meeting.data ? (
        <>
          <h1>{meeting.data.title}</h1>
          <p className="font-lead">
            {meeting.data.unit.name} · {formatDateTime(meeting.data.startsAt, language)}
          </p>
          <h2>{t('teamCases.cases')}</h2>
          {meeting.data.cases.length === 0 ? <p>{t('teamCases.noCases')}</p> : null}
          <ul className="nobullet-list no-max-width">
            {meeting.data.cases.map((item) => (
              <li key={item.id}>
                {item.detailsHidden ? (
                  <p className="samspil-muted">
                    {t('teamCases.hiddenCase')} · {t(`teamCases.status.${item.status}`)}
                  </p>
                ) : (
                  <CaseCard meetingId={meeting.data.id} item={item} />
                )}
              </li>
            ))}
          </ul>
          <AddCase meetingId={meeting.data.id} />
        </>
      ) : null}
    </>
  );
}

function CaseCard({ meetingId, item }: { meetingId: string; item: VisibleCase }): ReactElement {
  const { t } = useTranslation();
  const recommend = useRecommend(meetingId, item.id);
  return (
    <article className="card samspil-team-case" aria-label={item.citizen.name}>
      <div className="card-content">
        <h3 className="h4">
          <Link to={planPath(item.citizen.id)}>{item.citizen.name}</Link>{' '}
          <span
            className={
              item.status === 'returned' ? 'badge samspil-badge badge-warning' : 'badge samspil-badge'
            }
          >
            {t(`teamCases.status.${item.status}`)}
          </span>
        </h3>
        <h4 className="h6">{t('teamCases.summary')}</h4>
        <p>{item.summary}</p>
        <h4 className="h6">{t('teamCases.preparation')}</h4>
        {item.preparation ? (
          <ul>
            {item.preparation.matters ? <li>{item.preparation.matters}</li> : null}
            {item.preparation.works ? <li>{item.preparation.works}</li> : null}
            {item.preparation.talkAbout ? <li>{item.preparation.talkAbout}</li> : null}
          </ul>
        ) : (
          <p className="samspil-muted">{t('teamCases.noPreparation')}</p>
        )}
        <p>
          {item.citizenAttends ? t('teamCases.attends') : t('teamCases.notAttending')}
          {item.supportPerson ? ` · ${t('teamCases.supportPerson', { name: item.supportPerson })}` : ''}
        </p>
        {item.returnedReason && item.status === 'returned' ? (
          <p>
            <strong>{t('teamCases.returned')}</strong> {item.returnedReason}
          </p>
        ) : null}
        {item.recommendation && item.status === 'recommended' ? (
          <>
            <h4 className="h6">{t('teamCases.recommendation')}</h4>
            <p>{item.recommendation}</p>
            <p className="samspil-muted">{item.reasons}</p>
            <p>
              <Link to={newDecisionPath(item.citizen.id, item.id)}>{t('teamCases.draftDecision')}</Link>
            </p>
          </>
        ) : (
          <StepForm
            title={t('teamCases.form.recommendTitle', { name: item.citizen.name })}
            fields={[
              {
                name: 'recommendation',
                label: t('teamCases.recommendation'),
                kind: 'textarea',
                required: true,
              },
              { name: 'reasons', label: t('teamCases.form.reasons'), kind: 'textarea', required: true },
            ]}
            mutation={recommend}
            submitLabel={t('teamCases.form.recommend')}
            sent={t('teamCases.saved')}
          />
        )}
      </div>
    </article>
  );
}

function AddCase({ meetingId }: { meetingId: string }): ReactElement {
  const { t } = useTranslation();
  const caseload = useCaseload('', 1, 100);
  const add = useListTeamCase(meetingId);
  return (
    <StepForm
      title={t('teamCases.form.addTitle')}
      fields={[
        {
          name: 'citizenId',
          label: t('teamCases.form.citizen'),
          kind: 'select',
          required: true,
          choices: (caseload.data?.items ?? []).map((citizen) => ({
            value: citizen.id,
            label: `${citizen.givenName} ${citizen.familyName}`,
          })),
        },
        { name: 'summary', label: t('teamCases.summary'), kind: 'textarea', required: true },
        { name: 'citizenAttends', label: t('teamCases.form.attends'), kind: 'checkbox' },
        { name: 'supportPerson', label: t('teamCases.form.supportPerson'), kind: 'text' },
      ]}
      initial={{ citizenAttends: false }}
      mutation={add}
      submitLabel={t('teamCases.form.add')}
      sent={t('teamCases.saved')}
    />
  );
}
