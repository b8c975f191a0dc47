import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfessionals, useUnits } from '../../api/useCatalogue.js';
import { type NewMeeting, useCreateMeeting } from '../../api/meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { TeamMemberView } from '../../domain.js';
import { Checkbox, CheckboxGroup } from './edit/Choices.js';

interface MeetingFormProps {
  citizenId: string;
  team: readonly TeamMemberView[];
  meId: string | null;
  onDone: () => void;
}

type Missing = { purpose: boolean; startsAt: boolean; place: boolean };

/**
 * Arranges a network or team meeting: purpose, time, place or online, and whom to invite —
 * the citizen's team, another professional, and a relative or civil-society participant.
 */
export function MeetingForm({ citizenId, team, meId, onDone }: MeetingFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const create = useCreateMeeting(citizenId);
  const units = useUnits();
  const [kind, setKind] = useState<NewMeeting['kind']>('network');
  const [purpose, setPurpose] = useState('');
  const [agenda, setAgenda] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [invited, setInvited] = useState<string[]>([]);
  const [unitId, setUnitId] = useState('');
  const [extraId, setExtraId] = useState('');
  const [otherName, setOtherName] = useState('');
  const [otherKind, setOtherKind] = useState<'network' | 'civil_society'>('network');
  const [missing, setMissing] = useState<Missing>({ purpose: false, startsAt: false, place: false });
  const professionals = useProfessionals(unitId);
  const colleagues = team.filter(
    (member): member is TeamMemberView & { professionalId: string } =>
      member.kind === 'professional' && member.professionalId !== null && member.professionalId !== meId,
  );

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const when = startsAt ? new Date(startsAt) : null;
    const problems: Missing = {
      purpose: purpose.trim() === '',
      startsAt: when === null || Number.isNaN(when.getTime()),
      place: place.trim() === '' && !online,
    };
    setMissing(problems);
    if (problems.purpose || problems.startsAt || problems.place || !when) return;
    const participantIds = [...invited, ...(extraId ? [extraId] : [])];
    create.mutate(
      {
        kind,
        purpose: purpose.trim(),
        startsAt: when.toISOString(),
        online,
        ...(agenda.trim() ? { agenda: agenda.trim() } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(participantIds.length > 0 ? { participantIds: [...new Set(participantIds)] } : {}),
        ...(otherName.trim() ? { others: [{ kind: otherKind, name: otherName.trim() }] } : {}),
      },
      { onSuccess: onDone },
    );
  };

  const error = (field: keyof Missing, message: string) =>
    missing[field] ? (
      <span className="form-error-message" id={`${id}-${field}-error`} role="alert">
        {message}
      </span>
    ) : null;
  const described = (field: keyof Missing, hint?: string) =>
    [hint, missing[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="h4 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('meetings.new.heading')}
      </h3>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-kind`}>
          {t('meetings.new.kind')}
        </label>
        <select
          id={`${id}-kind`}
          className="form-select"
          value={kind}
          onChange={(event) => setKind(event.target.value as NewMeeting['kind'])}
        >
          <option value="network">{t('meetings.kind.network')}</option>
          <option value="team">{t('meetings.kind.team')}</option>
        </select>
      </div>
      <div className={missing.purpose ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-purpose`}>
          {t('meetings.purpose')}
        </label>
        {error('purpose', t('meetings.new.purposeMissing'))}
        <input
          id={`${id}-purpose`}
          className="form-input"
          maxLength={1000}
          value={purpose}
          aria-required
          aria-invalid={missing.purpose || undefined}
          aria-describedby={described('purpose')}
          onChange={(event) => setPurpose(event.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-agenda`}>
          {t('meetings.agenda')}
        </label>
        <textarea
          id={`${id}-agenda`}
          className="form-input samspil-textarea"
          rows={3}
          maxLength={4000}
          value={agenda}
          onChange={(event) => setAgenda(event.target.value)}
        />
      </div>
      <div className={missing.startsAt ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-starts`}>
          {t('meetings.new.startsAt')}
        </label>
        {error('startsAt', t('meetings.new.startsAtMissing'))}
        <input
          id={`${id}-starts`}
          type="datetime-local"
          className="form-input"
          value={startsAt}
          required
          aria-invalid={missing.startsAt || undefined}
          aria-describedby={described('startsAt')}
          onChange={(event) => setStartsAt(event.target.value)}
        />
      </div>
      <div className={missing.place ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-place`}>
          {t('meetings.new.place')}
        </label>
        <span className="form-hint" id={`${id}-place-hint`}>
          {t('meetings.new.placeHint')}
        </span>
        {error('place', t('meetings.new.placeMissing'))}
        <input
          id={`${id}-place`}
          className="form-input"
          maxLength={300}
          value={place}
          aria-invalid={missing.place || undefined}
          aria-describedby={described('place', `${id}-place-hint`)}
          onChange={(event) => setPlace(event.target.value)}
        />
      </div>
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
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-unit`}>
          {t('meetings.new.otherUnit')}
        </label>
        <select
          id={`${id}-unit`}
          className="form-select"
          value={unitId}
          onChange={(event) => {
            setUnitId(event.target.value);
            setExtraId('');
          }}
        >
          <option value="">{t('meetings.new.chooseUnit')}</option>
          {(units.data ?? []).map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      {unitId ? (
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-extra`}>
            {t('meetings.new.otherProfessional')}
          </label>
          <select
            id={`${id}-extra`}
            className="form-select"
            value={extraId}
            onChange={(event) => setExtraId(event.target.value)}
          >
            <option value="">{t('meetings.new.chooseProfessional')}</option>
            {(professionals.data ?? [])
              .filter((person) => person.id !== meId)
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}, {person.profession}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-other`}>
          {t('meetings.new.otherPerson')}
        </label>
        <span className="form-hint" id={`${id}-other-hint`}>
          {t('meetings.new.otherPersonHint')}
        </span>
        <input
          id={`${id}-other`}
          className="form-input"
          maxLength={200}
          value={otherName}
          aria-describedby={`${id}-other-hint`}
          onChange={(event) => setOtherName(event.target.value)}
        />
      </div>
      {otherName.trim() ? (
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-other-kind`}>
            {t('meetings.new.otherKind')}
          </label>
          <select
            id={`${id}-other-kind`}
            className="form-select"
            value={otherKind}
            onChange={(event) => setOtherKind(event.target.value as 'network' | 'civil_society')}
          >
            <option value="network">{t('meetings.participantKind.network')}</option>
            <option value="civil_society">{t('meetings.participantKind.civil_society')}</option>
          </select>
        </div>
      ) : null}
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <div className="samspil-form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('meetings.new.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('coordination.common.cancel')}
        </button>
      </div>
    </form>
  );
}
