import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfessionals, useUnits } from '../../../api/catalogue.js';
import { SECTOR_LABELS, type TeamMemberKind } from '../../../domain.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { teamMemberCreateSchema } from '../../../plan-schemas.js';
import { usePlanContext } from '../PlanContext.js';
import { Checkbox, RadioGroup } from '../../../components/form/Choices.js';
import { EditPanel } from './EditPanel.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { orNull, validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';

/** Adds someone around the citizen: a professional (from a unit), a relative, or civil society. */
export function TeamMemberForm({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [kind, setKind] = useState<TeamMemberKind>('professional');
  const [unitId, setUnitId] = useState('');
  const [professionalId, setProfessionalId] = useState('');
  const [isCoordinator, setIsCoordinator] = useState(false);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const units = useUnits();
  const professionals = useProfessionals(unitId);

  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const input =
        kind === 'professional'
          ? { kind, professionalId, role: orNull(role), isCoordinator }
          : {
              kind,
              name,
              relation: orNull(relation),
              role: orNull(role),
              phone: orNull(phone),
              email: orNull(email),
            };
      const result = validate(teamMemberCreateSchema, input, t);
      return result.ok ? { request: { method: 'POST', path: '/team', body: result.value } } : result;
    },
  });
  // Both kinds of member have a role; the field is the same in either branch.
  const roleField = (
    <TextField
      id={`${id}-role`}
      label={t('plan.team.role')}
      value={role}
      onChange={setRole}
      error={form.errors.role}
    />
  );
  const chosen = professionals.data?.find((person) => person.id === professionalId);
  return (
    <EditPanel
      title={t('plan.team.add')}
      form={form}
      targets={{
        professionalId: { id: `${id}-professional`, label: t('plan.team.professional') },
        name: { id: `${id}-name`, label: t('plan.team.name') },
        relation: { id: `${id}-relation`, label: t('plan.team.relation') },
        role: { id: `${id}-role`, label: t('plan.team.role') },
        phone: { id: `${id}-phone`, label: t('plan.team.phoneLabel') },
        email: { id: `${id}-email`, label: t('plan.team.emailLabel') },
      }}
      submitLabel={t('plan.team.addSubmit')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [
          { label: t('plan.team.name'), value: kind === 'professional' ? (chosen?.name ?? '') : name },
          { label: t('plan.team.role'), value: role },
        ],
        theirs: (form.conflict?.plan.team ?? []).map((member) => ({
          label: t(`plan.team.kind.${member.kind}`),
          value: member.isCoordinator ? `${member.name} (${t('plan.team.coordinator')})` : member.name,
        })),
      })}
    >
      <RadioGroup
        id={`${id}-kind`}
        legend={t('plan.team.kindLegend')}
        value={kind}
        onChange={(value) =>
          setKind(value === 'network' || value === 'civil_society' ? value : 'professional')
        }
        choices={(['professional', 'network', 'civil_society'] as const).map((value) => ({
          value,
          label: t(`plan.team.kind.${value}`),
        }))}
      />
      {kind === 'professional' ? (
        <>
          <div className="samspil-form-row">
            <SelectField
              id={`${id}-unit`}
              label={t('plan.team.unit')}
              value={unitId}
              onChange={(value) => {
                setUnitId(value);
                setProfessionalId('');
              }}
              emptyLabel={t('form.choose')}
              options={(units.data ?? []).map((unit) => ({
                value: unit.id,
                label: unit.name,
                group: SECTOR_LABELS[unit.sector]?.[language] ?? unit.sector,
              }))}
            />
            <SelectField
              id={`${id}-professional`}
              label={t('plan.team.professional')}
              hint={unitId ? undefined : t('plan.team.professionalHint')}
              value={professionalId}
              onChange={setProfessionalId}
              emptyLabel={t('form.choose')}
              error={form.errors.professionalId}
              required
              options={(professionals.data ?? []).map((person) => ({
                value: person.id,
                label: `${person.name} (${person.profession})`,
              }))}
            />
          </div>
          {roleField}
          <Checkbox
            id={`${id}-coordinator`}
            label={t('plan.team.makeCoordinatorLabel')}
            checked={isCoordinator}
            onChange={setIsCoordinator}
          />
        </>
      ) : (
        <>
          <TextField
            id={`${id}-name`}
            label={t('plan.team.name')}
            value={name}
            onChange={setName}
            error={form.errors.name}
            required
          />
          <div className="samspil-form-row">
            <TextField
              id={`${id}-relation`}
              label={t('plan.team.relation')}
              hint={t('plan.team.relationHint')}
              value={relation}
              onChange={setRelation}
              error={form.errors.relation}
            />
            {roleField}
          </div>
          <div className="samspil-form-row">
            <TextField
              id={`${id}-phone`}
              label={t('plan.team.phoneLabel')}
              type="tel"
              value={phone}
              onChange={setPhone}
              error={form.errors.phone}
            />
            <TextField
              id={`${id}-email`}
              label={t('plan.team.emailLabel')}
              type="email"
              value={email}
              onChange={setEmail}
              error={form.errors.email}
            />
          </div>
        </>
      )}
    </EditPanel>
  );
}
