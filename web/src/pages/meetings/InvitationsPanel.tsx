import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings.js';
import { useSetInvitations } from '../../api/network-meetings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useConfirmSave } from '../../components/SuccessAlert.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import type {
  CitizenConsent,
  Invitation,
  MeetingRole,
} from '../../../../src/domain/meetings/network-meeting.schemas.js';

const ROLES: MeetingRole[] = ['participant', 'coordinator', 'facilitator', 'reflecting'];

interface PanelProps {
  citizenId: string;
  meeting: Meeting;
  canAct: boolean;
}

type Row = {
  key: string;
  kind: 'professional' | 'network' | 'civil_society';
  professionalId: string | null;
  name: string;
  role: MeetingRole;
  consent: CitizenConsent | '';
};

/**
 * Whom the meeting invites, each with a role, and whether the citizen agreed to (or asked for)
 * the invitation. Her own wishes from her preparation stand first: she decides who is there.
 */
export function InvitationsPanel({ citizenId, meeting, canAct }: PanelProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const save = useSetInvitations(citizenId, meeting.id);
  const confirmSave = useConfirmSave();
  const initial = (): Row[] =>
    meeting.participants.map((person) => ({
      key: person.id,
      kind: person.kind,
      professionalId: person.professionalId,
      name: person.name,
      role: person.role,
      consent: person.citizenConsent ?? '',
    }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'network' | 'civil_society'>('network');
  const [consent, setConsent] = useState<CitizenConsent | ''>('');
  const editable = canAct && meeting.status === 'planned';
  const wishes = meeting.preparation?.inviteWishes ?? null;
  const update = (key: string, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const consentLabel = (value: CitizenConsent | '' | null) =>
    value ? t(`networkMeeting.consent.${value}`) : t('networkMeeting.consent.none');

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const added: Row[] = name.trim()
      ? [{ key: 'new', kind, professionalId: null, name: name.trim(), role: 'participant', consent }]
      : [];
    const participants: Invitation[] = [...rows, ...added].map((row) =>
      row.kind === 'professional'
        ? { kind: 'professional', professionalId: row.professionalId ?? '', role: row.role }
        : { kind: row.kind, name: row.name, role: row.role, citizenConsent: row.consent || null },
    );
    confirmSave(save.mutateAsync({ participants }), t('networkMeeting.invitations.saved'), () => {
      setName('');
      setConsent('');
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-meeting-panel">
      <h2 id={`${id}-heading`}>{t('networkMeeting.invitations.heading')}</h2>
      <div className="alert alert-info" role="note">
        <div className="alert-body">
          <p className="alert-text">
            <strong>{t('networkMeeting.invitations.wishes')}</strong>{' '}
            {wishes ?? t('networkMeeting.invitations.noWishes')}
          </p>
        </div>
      </div>
      {editable ? (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
          <ul className="nobullet-list">
            {rows.map((row) => (
              <li key={row.key} className="samspil-invitation-row">
                <SelectField
                  id={`${id}-${row.key}-role`}
                  label={t('networkMeeting.invitations.roleOf', { name: row.name })}
                  value={row.role}
                  onChange={(value) => update(row.key, { role: value as MeetingRole })}
                  options={ROLES.map((role) => ({ value: role, label: t(`networkMeeting.role.${role}`) }))}
                />
                {row.kind !== 'professional' ? (
                  <SelectField
                    id={`${id}-${row.key}-consent`}
                    label={t('networkMeeting.invitations.consentOf', { name: row.name })}
                    value={row.consent}
                    emptyLabel={t('networkMeeting.consent.none')}
                    onChange={(value) => update(row.key, { consent: value as CitizenConsent | '' })}
                    options={(['asked', 'agreed'] as const).map((value) => ({
                      value,
                      label: t(`networkMeeting.consent.${value}`),
                    }))}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          <TextField
            id={`${id}-name`}
            label={t('networkMeeting.invitations.addName')}
            hint={t('meetings.new.otherPersonHint')}
            maxLength={200}
            value={name}
            onChange={setName}
          />
          {name.trim() ? (
            <>
              <SelectField
                id={`${id}-kind`}
                label={t('meetings.new.otherKind')}
                value={kind}
                onChange={(value) => setKind(value === 'civil_society' ? 'civil_society' : 'network')}
                options={[
                  { value: 'network', label: t('meetings.participantKind.network') },
                  { value: 'civil_society', label: t('meetings.participantKind.civil_society') },
                ]}
              />
              <SelectField
                id={`${id}-consent`}
                label={t('networkMeeting.invitations.consentOf', { name: name.trim() })}
                value={consent}
                emptyLabel={t('networkMeeting.consent.none')}
                onChange={(value) => setConsent(value as CitizenConsent | '')}
                options={(['asked', 'agreed'] as const).map((value) => ({
                  value,
                  label: t(`networkMeeting.consent.${value}`),
                }))}
              />
            </>
          ) : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <FormActions submitLabel={t('networkMeeting.invitations.save')} pending={save.isPending} />
        </form>
      ) : (
        <ul className="samspil-invitation-list">
          {meeting.participants.map((person) => (
            <li key={person.id}>
              <strong>
                {person.name}
                {person.unit ? ` (${person.unit.name})` : ''}
              </strong>{' '}
              – {t(`networkMeeting.role.${person.role}`)}
              {person.kind === 'professional' ? null : ` · ${consentLabel(person.citizenConsent)}`}
              {person.attended === null
                ? null
                : ` · ${t(person.attended ? 'networkMeeting.record.personCame' : 'networkMeeting.record.personAway', { name: person.name })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
