import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfessionals, useUnits } from '../../api/catalogue.js';
import { type NewMeeting, useCreateMeeting } from '../../api/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Checkbox, CheckboxGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { dateError, type FieldErrors } from '../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { parseClock } from './clock.js';
import type { TeamMemberView } from '../../domain.js';

/** The lengths a meeting is planned for, in minutes (the API takes any from 5 to 600). */
const MEETING_DURATIONS = [30, 45, 60, 90, 120, 180] as const;

interface MeetingFormProps {
  citizenId: string;
  team: readonly TeamMemberView[];
  meId: string | null;
  onDone: () => void;
}

/**
 * Arranges a network or team meeting: purpose, time, place or online, and whom to invite —
 * the citizen's team, another professional, and a relative or civil-society participant.
 */
export function MeetingForm({ citizenId, team, meId, onDone }: MeetingFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const create = useCreateMeeting(citizenId);
  const units = useUnits();
  const [kind, setKind] = useState<NewMeeting['kind']>('network');
  const [purpose, setPurpose] = useState('');
  const [agenda, setAgenda] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('60');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [invited, setInvited] = useState<string[]>([]);
  const [unitId, setUnitId] = useState('');
  const [extraId, setExtraId] = useState('');
  const [otherName, setOtherName] = useState('');
  const [otherKind, setOtherKind] = useState<'network' | 'civil_society'>('network');
  // At a network meeting the citizen decides whom of her network is invited (issue 14).
  const [otherAgreed, setOtherAgreed] = useState(false);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();
  const professionals = useProfessionals(unitId);
  const colleagues = team.filter(
    (member): member is TeamMemberView & { professionalId: string } =>
      member.kind === 'professional' && member.professionalId !== null && member.professionalId !== meId,
  );

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const dayProblem = dateError(day, t, { required: true });
    const clock = parseClock(time);
    // The day and the time as typed, in the browser's (the person's) time zone.
    const when = !dayProblem && clock ? new Date(`${day}T${clock}`) : null;
    const problems: FieldErrors = {};
    if (purpose.trim() === '') problems.purpose = t('meetings.new.purposeMissing');
    if (dayProblem) problems.startsAt = dayProblem;
    if (!clock)
      problems.time = t(time.trim() === '' ? 'meetings.new.timeMissing' : 'meetings.new.timeInvalid');
    if (place.trim() === '' && !online) problems.place = t('meetings.new.placeMissing');
    if (kind === 'network' && otherName.trim() && !otherAgreed)
      problems.others = t('networkMeeting.invitations.consentMissing');
    if (fieldErrors.check(problems) || !when) return;
    const participantIds = [...invited, ...(extraId ? [extraId] : [])];
    create.mutate(
      {
        kind,
        purpose: purpose.trim(),
        startsAt: when.toISOString(),
        durationMinutes: Number(duration),
        online,
        ...(agenda.trim() ? { agenda: agenda.trim() } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(participantIds.length > 0 ? { participantIds: [...new Set(participantIds)] } : {}),
        ...(otherName.trim()
          ? {
              others: [
                {
                  kind: otherKind,
                  name: otherName.trim(),
                  ...(otherAgreed ? { citizenConsent: 'agreed' as const } : {}),
                },
              ],
            }
          : {}),
      },
      {
        onSuccess: () => {
          showSuccess(t('meetings.new.created'));
          onDone();
        },
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="h4 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('meetings.new.heading')}
      </h3>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={{
          kind: { id: `${id}-kind`, label: t('meetings.new.kind') },
          purpose: { id: `${id}-purpose`, label: t('meetings.purpose') },
          agenda: { id: `${id}-agenda`, label: t('meetings.agenda') },
          startsAt: { id: `${id}-starts`, label: t('meetings.new.day') },
          time: { id: `${id}-time`, label: t('meetings.new.time') },
          durationMinutes: { id: `${id}-duration`, label: t('meetings.duration') },
          place: { id: `${id}-place`, label: t('meetings.new.place') },
          participantIds: { id: `${id}-invite-0`, label: t('meetings.new.invite') },
          others: { id: `${id}-other`, label: t('meetings.new.otherPerson') },
        }}
      />
      <SelectField
        id={`${id}-kind`}
        label={t('meetings.new.kind')}
        value={kind}
        onChange={(value) => setKind(value === 'team' ? 'team' : 'network')}
        options={[
          { value: 'network', label: t('meetings.kind.network') },
          { value: 'team', label: t('meetings.kind.team') },
        ]}
      />
      <TextField
        id={`${id}-purpose`}
        label={t('meetings.purpose')}
        error={errors.purpose}
        required
        maxLength={1000}
        value={purpose}
        onChange={setPurpose}
      />
      <TextField
        id={`${id}-agenda`}
        label={t('meetings.agenda')}
        multiline
        maxLength={4000}
        error={errors.agenda}
        value={agenda}
        onChange={setAgenda}
      />
      {/* The DKFDS date pattern for the day, and the time typed as people write it ("13.30"). */}
      <TextField
        id={`${id}-starts`}
        label={t('meetings.new.day')}
        type="date"
        error={errors.startsAt}
        required
        value={day}
        onChange={setDay}
      />
      <TextField
        id={`${id}-time`}
        label={t('meetings.new.time')}
        hint={t('meetings.new.timeHint')}
        className="form-input input-width-xs"
        error={errors.time}
        required
        value={time}
        onChange={setTime}
      />
      <SelectField
        id={`${id}-duration`}
        label={t('meetings.duration')}
        value={duration}
        onChange={setDuration}
        options={MEETING_DURATIONS.map((minutes) => ({
          value: String(minutes),
          label: t('meetings.durationValue', { count: minutes }),
        }))}
      />
      <TextField
        id={`${id}-place`}
        label={t('meetings.new.place')}
        hint={t('meetings.new.placeHint')}
        error={errors.place}
        maxLength={300}
        value={place}
        onChange={setPlace}
      />
      <Checkbox id={`${id}-online`} label={t('meetings.new.online')} checked={online} onChange={setOnline} />
      <CheckboxGroup
        id={`${id}-invite`}
        legend={t('meetings.new.invite')}
        hint={t('meetings.new.inviteHint')}
        empty={t('meetings.new.noTeam')}
        choices={colleagues.map((member) => ({
          value: member.professionalId,
          label: member.unit ? `${member.name} (${member.unit.name})` : member.name,
        }))}
        selected={invited}
        onChange={setInvited}
      />
      <SelectField
        id={`${id}-unit`}
        label={t('meetings.new.otherUnit')}
        value={unitId}
        onChange={(value) => {
          setUnitId(value);
          setExtraId('');
        }}
        emptyLabel={t('meetings.new.chooseUnit')}
        options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      {unitId ? (
        <SelectField
          id={`${id}-extra`}
          label={t('meetings.new.otherProfessional')}
          value={extraId}
          onChange={setExtraId}
          emptyLabel={t('meetings.new.chooseProfessional')}
          options={(professionals.data ?? [])
            .filter((person) => person.id !== meId)
            .map((person) => ({ value: person.id, label: `${person.name}, ${person.profession}` }))}
        />
      ) : null}
      <TextField
        id={`${id}-other`}
        label={t('meetings.new.otherPerson')}
        hint={t('meetings.new.otherPersonHint')}
        maxLength={200}
        error={errors.others}
        value={otherName}
        onChange={setOtherName}
      />
      {otherName.trim() ? (
        <SelectField
          id={`${id}-other-kind`}
          label={t('meetings.new.otherKind')}
          value={otherKind}
          onChange={(value) => setOtherKind(value === 'civil_society' ? 'civil_society' : 'network')}
          options={[
            { value: 'network', label: t('meetings.participantKind.network') },
            { value: 'civil_society', label: t('meetings.participantKind.civil_society') },
          ]}
        />
      ) : null}
      {otherName.trim() ? (
        <Checkbox
          id={`${id}-other-agreed`}
          label={t('networkMeeting.invitations.citizenAgreed')}
          checked={otherAgreed}
          onChange={setOtherAgreed}
        />
      ) : null}
      {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
      <FormActions submitLabel={t('meetings.new.submit')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
