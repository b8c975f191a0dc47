import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings.js';
import { useRecordMeeting } from '../../api/network-meetings.js';
import { usePlan } from '../../api/plan.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { Checkbox } from '../../components/form/Choices.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { Fact } from '../coordination/Fact.js';
import { parseClock } from '../plan/clock.js';
import { type AgreementDraft, agreementOf, EMPTY_DRAFT, interventionChoices } from './agreement-drafts.js';

interface PanelProps {
  citizenId: string;
  meeting: Meeting;
  canAct: boolean;
}

const KINDS: AgreementDraft['kind'][] = [
  'new_sub_goal',
  'change_sub_goal',
  'change_intervention',
  'follow_up',
];

/**
 * The record of a held network meeting: what was talked about, who came, reflections, open
 * questions, whether the citizen took part, the agreements, and the next meeting.
 */
export function RecordPanel({ citizenId, meeting, canAct }: PanelProps): ReactElement | null {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const started = Date.parse(meeting.startsAt) <= Date.now();
  const recordable =
    canAct &&
    meeting.kind === 'network' &&
    started &&
    meeting.status !== 'cancelled' &&
    meeting.agreementsWrittenAt === null;
  if (!recordable && meeting.status !== 'held') return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-panel">
      <h2 id={`${id}-heading`}>{t('networkMeeting.record.heading')}</h2>
      {meeting.status === 'held' && !open ? (
        <dl className="samspil-facts">
          {meeting.summary ? <Fact label={t('meetings.summary')}>{meeting.summary}</Fact> : null}
          {meeting.reflections ? (
            <Fact label={t('networkMeeting.record.reflections')}>{meeting.reflections}</Fact>
          ) : null}
          {meeting.openQuestions ? (
            <Fact label={t('networkMeeting.record.openQuestions')}>{meeting.openQuestions}</Fact>
          ) : null}
          <Fact label={t('networkMeeting.record.citizenPresentFact')}>
            {t(meeting.citizenPresent ? 'networkMeeting.record.yes' : 'networkMeeting.record.no')}
          </Fact>
        </dl>
      ) : null}
      {recordable && !open ? (
        <p className="samspil-item-actions">
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t(meeting.status === 'held' ? 'networkMeeting.record.edit' : 'networkMeeting.record.open')}
          </button>
        </p>
      ) : null}
      {open ? (
        <RecordForm
          citizenId={citizenId}
          meeting={meeting}
          headingId={`${id}-heading`}
          onDone={() => setOpen(false)}
        />
      ) : null}
    </section>
  );
}

function RecordForm({
  citizenId,
  meeting,
  headingId,
  onDone,
}: {
  citizenId: string;
  meeting: Meeting;
  headingId: string;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const plan = usePlan(citizenId);
  const record = useRecordMeeting(citizenId, meeting.id);
  const confirmSave = useConfirmSave();
  const [summary, setSummary] = useState(meeting.summary ?? '');
  const [reflections, setReflections] = useState(meeting.reflections ?? '');
  const [openQuestions, setOpenQuestions] = useState(meeting.openQuestions ?? '');
  const [present, setPresent] = useState(meeting.citizenPresent ?? false);
  const [came, setCame] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(meeting.participants.map((person) => [person.id, person.attended ?? true])),
  );
  const [drafts, setDrafts] = useState<AgreementDraft[]>([]);
  const [nextDay, setNextDay] = useState('');
  const [nextTime, setNextTime] = useState('');
  const [nextPlace, setNextPlace] = useState(meeting.place ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const subGoals = (plan.data?.plan.subGoals ?? []).filter((goal) => goal.status === 'active');
  const interventions = plan.data ? interventionChoices(plan.data.plan) : [];
  const change = (index: number, patch: Partial<AgreementDraft>) =>
    setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const agreements = drafts.map(agreementOf);
    const clock = parseClock(nextTime);
    let incomplete: string | null = null;
    if (nextDay && !clock) incomplete = t('meetings.new.timeInvalid');
    if (agreements.some((agreement) => agreement === null))
      incomplete = t('networkMeeting.record.agreementIncomplete');
    if (!summary.trim()) incomplete = t('networkMeeting.record.summaryMissing');
    if (incomplete) {
      setProblem(incomplete);
      return;
    }
    setProblem(null);
    const next =
      nextDay && clock && meeting.nextMeetingId === null
        ? {
            nextMeeting: {
              startsAt: new Date(`${nextDay}T${clock}`).toISOString(),
              ...(nextPlace.trim() ? { place: nextPlace.trim() } : { online: true }),
            },
          }
        : {};
    confirmSave(
      record.mutateAsync({
        summary: summary.trim(),
        ...(reflections.trim() ? { reflections: reflections.trim() } : {}),
        ...(openQuestions.trim() ? { openQuestions: openQuestions.trim() } : {}),
        citizenPresent: present,
        attendance: meeting.participants.map((person) => ({
          participantId: person.id,
          attended: came[person.id] ?? true,
        })),
        agreements: agreements.filter((agreement) => agreement !== null),
        ...next,
      }),
      t('networkMeeting.record.saved'),
      onDone,
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <TextField
        id={`${id}-summary`}
        label={t('meetings.summary')}
        hint={t('meetings.summaryHint')}
        multiline
        maxLength={8000}
        required
        value={summary}
        onChange={setSummary}
      />
      <TextField
        id={`${id}-reflections`}
        label={t('networkMeeting.record.reflections')}
        multiline
        maxLength={8000}
        value={reflections}
        onChange={setReflections}
      />
      <TextField
        id={`${id}-questions`}
        label={t('networkMeeting.record.openQuestions')}
        multiline
        maxLength={4000}
        value={openQuestions}
        onChange={setOpenQuestions}
      />
      <Checkbox
        id={`${id}-present`}
        label={t('networkMeeting.record.citizenPresent')}
        checked={present}
        onChange={setPresent}
      />
      <fieldset>
        <legend className="form-label">{t('networkMeeting.record.attendance')}</legend>
        {meeting.participants.map((person) => (
          <Checkbox
            key={person.id}
            id={`${id}-came-${person.id}`}
            label={t('networkMeeting.record.personCame', { name: person.name })}
            checked={came[person.id] ?? true}
            onChange={(value) => setCame((current) => ({ ...current, [person.id]: value }))}
          />
        ))}
      </fieldset>
      <h3 className="h4">{t('networkMeeting.record.agreements')}</h3>
      <ol>
        {drafts.map((draft, index) => {
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
            <li key={index} className="samspil-agreement-draft">
              <SelectField
                id={`${id}-${index}-kind`}
                label={t('networkMeeting.agreement.kindOf', { number: n })}
                value={draft.kind}
                onChange={(value) => change(index, { kind: value as AgreementDraft['kind'] })}
                options={KINDS.map((kind) => ({
                  value: kind,
                  label: t(`networkMeeting.agreement.kind.${kind}`),
                }))}
              />
              <TextField
                id={`${id}-${index}-text`}
                label={t('networkMeeting.agreement.text', { number: n })}
                hint={t('networkMeeting.agreement.textHint')}
                maxLength={1000}
                value={draft.text}
                onChange={(text) => change(index, { text })}
              />
              {draft.kind === 'new_sub_goal' ? (
                <TextField
                  id={`${id}-${index}-title`}
                  label={t('networkMeeting.agreement.title', { number: n })}
                  maxLength={500}
                  value={draft.title}
                  onChange={(title) => change(index, { title })}
                />
              ) : null}
              {draft.kind === 'change_sub_goal' ? (
                <SelectField
                  id={`${id}-${index}-sub-goal`}
                  label={t('networkMeeting.agreement.subGoal', { number: n })}
                  value={draft.subGoalId}
                  emptyLabel={t('networkMeeting.agreement.choose')}
                  onChange={(subGoalId) => change(index, { subGoalId })}
                  options={subGoals.map((goal) => ({ value: goal.id, label: goal.title }))}
                />
              ) : null}
              {draft.kind === 'change_intervention' || draft.kind === 'follow_up' ? (
                <SelectField
                  id={`${id}-${index}-intervention`}
                  label={t('networkMeeting.agreement.intervention', { number: n })}
                  value={draft.interventionId}
                  emptyLabel={t('networkMeeting.agreement.choose')}
                  onChange={(interventionId) => change(index, { interventionId })}
                  options={interventions}
                />
              ) : null}
              {draft.kind === 'change_intervention' ? (
                <TextField
                  id={`${id}-${index}-frequency`}
                  label={t('networkMeeting.agreement.frequency', { number: n })}
                  maxLength={200}
                  value={draft.frequency}
                  onChange={(frequency) => change(index, { frequency })}
                />
              ) : null}
              {draft.kind !== 'change_intervention' ? (
                <TextField
                  id={`${id}-${index}-date`}
                  type="date"
                  label={t(
                    draft.kind === 'follow_up'
                      ? 'networkMeeting.agreement.followUpDate'
                      : 'networkMeeting.agreement.targetDate',
                    { number: n },
                  )}
                  value={draft.date}
                  onChange={(date) => change(index, { date })}
                />
              ) : null}
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => setDrafts((current) => current.filter((_, at) => at !== index))}
              >
                {t('networkMeeting.agreement.remove', { number: n })}
              </button>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setDrafts((current) => [...current, EMPTY_DRAFT])}
        >
          {t('networkMeeting.agreement.add')}
        </button>
      </p>
      {meeting.nextMeetingId === null ? (
        <fieldset>
          <legend className="form-label">{t('networkMeeting.record.next')}</legend>
          <TextField
            id={`${id}-next-day`}
            type="date"
            label={t('networkMeeting.record.nextDay')}
            value={nextDay}
            onChange={setNextDay}
          />
          <TextField
            id={`${id}-next-time`}
            label={t('networkMeeting.record.nextTime')}
            className="form-input input-width-xs"
            value={nextTime}
            onChange={setNextTime}
          />
          <TextField
            id={`${id}-next-place`}
            label={t('meetings.where')}
            maxLength={300}
            value={nextPlace}
            onChange={setNextPlace}
          />
        </fieldset>
      ) : null}
      {problem ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{problem}</p>
          </div>
        </div>
      ) : null}
      {record.error ? <ErrorAlert error={record.error} /> : null}
      <FormActions
        submitLabel={t('networkMeeting.record.save')}
        pending={record.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
