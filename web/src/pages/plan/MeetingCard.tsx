import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Meeting, useMeetingAction } from '../../api/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { Fact } from '../coordination/Fact.js';
import { ReasonForm } from '../coordination/ReasonForm.js';

const STATUS_CLASS: Record<Meeting['status'], string> = {
  planned: 'badge-info',
  held: 'badge-success',
  cancelled: '',
};

interface MeetingCardProps {
  meeting: Meeting;
  citizenId: string;
  /** Professionals may hold or cancel a planned meeting (the server decides who finally may). */
  canAct: boolean;
  /** The citizen (or a relative) reads the plain-language version. */
  forCitizen: boolean;
}

/** One meeting: kind, time, place, who is invited, and — for those involved — what it is about. */
export function MeetingCard({ meeting, citizenId, canAct, forCitizen }: MeetingCardProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [step, setStep] = useState<'hold' | 'cancel' | null>(null);
  const action = useMeetingAction(citizenId, meeting.id);
  const close = (): void => {
    setStep(null);
    window.requestAnimationFrame(() => heading.current?.focus());
  };
  const confirmSave = useConfirmSave();
  const headingId = `meeting-${meeting.id}`;
  const title = t(`meetings.kind.${meeting.kind}`, { context: forCitizen ? 'citizen' : undefined });
  const when = formatDateTime(meeting.startsAt, language);
  const started = Date.parse(meeting.startsAt) <= Date.now();
  const where = [meeting.place, meeting.online ? t('meetings.online') : null].filter(Boolean).join(' · ');
  const people = meeting.participants.map((person) =>
    person.kind === 'professional'
      ? `${person.name}${person.unit ? ` (${person.unit.name})` : ''}`
      : `${person.name} (${t(`meetings.participantKind.${person.kind}`)})`,
  );

  return (
    <li className="samspil-referral">
      <article aria-labelledby={headingId}>
        <div className="samspil-item-heading">
          <h3 id={headingId} className="h5" ref={heading} tabIndex={-1}>
            {forCitizen || meeting.detailsHidden ? (
              <>
                {title}, {when} ({t('meetings.durationValue', { count: meeting.durationMinutes })})
              </>
            ) : (
              // The meeting's own page: invitations, agenda, record and agreements (kept off the plan).
              <Link to={`/borgere/${citizenId}/moeder/${meeting.id}`}>
                {title}, {when} ({t('meetings.durationValue', { count: meeting.durationMinutes })})
              </Link>
            )}
          </h3>
          <span className={`badge samspil-badge ${STATUS_CLASS[meeting.status]}`.trim()}>
            {t(`meetings.status.${meeting.status}`)}
          </span>
        </div>
        <dl className="samspil-facts">
          <Fact label={t('meetings.where')}>{where}</Fact>
          <Fact label={t('meetings.organiser')}>
            {meeting.organiser.name} ({meeting.organiser.unit.name})
          </Fact>
          <Fact label={t('meetings.participants')}>
            {people.length > 0 ? people.join(', ') : t('meetings.noParticipants')}
          </Fact>
          {meeting.purpose ? <Fact label={t('meetings.purpose')}>{meeting.purpose}</Fact> : null}
          {meeting.agenda ? <Fact label={t('meetings.agenda')}>{meeting.agenda}</Fact> : null}
          {meeting.summary ? <Fact label={t('meetings.summary')}>{meeting.summary}</Fact> : null}
          {meeting.cancelReason ? (
            <Fact label={t('meetings.cancelReason')}>{meeting.cancelReason}</Fact>
          ) : null}
        </dl>
        {meeting.preparation ? <PreparationFacts preparation={meeting.preparation} /> : null}
        {meeting.detailsHidden ? <p className="form-hint">{t('meetings.detailsHidden')}</p> : null}
        {canAct && meeting.status === 'planned' && step === null ? (
          <div className="samspil-item-actions">
            {started ? (
              <button type="button" className="button button-secondary" onClick={() => setStep('hold')}>
                {t('meetings.hold')}
                <span className="sr-only">: {title}</span>
              </button>
            ) : null}
            <button type="button" className="button button-tertiary" onClick={() => setStep('cancel')}>
              {t('meetings.cancel')}
              <span className="sr-only">: {title}</span>
            </button>
          </div>
        ) : null}
        {step === 'hold' ? (
          <ReasonForm
            label={t('meetings.summary')}
            hint={t('meetings.summaryHint')}
            submitLabel={t('meetings.saveSummary')}
            required
            maxLength={8000}
            pending={action.isPending}
            onSubmit={(summary) =>
              confirmSave(action.mutateAsync({ step: 'hold', summary }), t('meetings.done.hold'), close)
            }
            onCancel={close}
          />
        ) : null}
        {step === 'cancel' ? (
          <ReasonForm
            label={t('meetings.cancelReason')}
            submitLabel={t('meetings.confirmCancel')}
            required
            pending={action.isPending}
            onSubmit={(reason) =>
              confirmSave(action.mutateAsync({ step: 'cancel', reason }), t('meetings.done.cancel'), close)
            }
            onCancel={close}
          />
        ) : null}
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </article>
    </li>
  );
}

/** What the citizen wrote before the meeting, in her words, under the meeting's own facts. */
function PreparationFacts({
  preparation,
}: {
  preparation: NonNullable<Meeting['preparation']>;
}): ReactElement {
  const { t } = useTranslation();
  const answers = (['matters', 'works', 'talkAbout', 'inviteWishes'] as const).filter(
    (key) => preparation[key],
  );
  return (
    <div className="samspil-meeting-preparation-facts">
      <h4 className="h6">{t('meetings.preparation.heading')}</h4>
      <dl className="samspil-facts">
        {answers.map((key) => (
          <Fact key={key} label={t(`meetings.preparation.${key}`)}>
            {preparation[key]}
          </Fact>
        ))}
      </dl>
    </div>
  );
}
