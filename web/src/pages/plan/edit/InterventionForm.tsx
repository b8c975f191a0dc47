import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInterventionTypes, useProfessionals, useUnits } from '../../../api/catalogue.js';
import { type InterventionView, LEGAL_BASES, type LegalBasisCode, SECTOR_LABELS } from '../../../domain.js';
import { danishToday } from '../../../../../src/domain/calendar.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { interventionCreateSchema, interventionUpdateSchema } from '../../../plan-schemas.js';
import { legalBasisText } from '../legal-basis.js';
import { Alert } from '../../../components/Alert.js';
import { usePlanContext } from '../PlanContext.js';
import { CheckboxGroup } from '../../../components/form/Choices.js';
import type { ConflictRow } from './ConflictView.js';
import { EditPanel } from './EditPanel.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { orNull, validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';
import { isRestricted } from '../intervention-view.js';

type EditableStatus = 'planned' | 'active' | 'paused';

interface Values {
  typeId: string;
  unitId: string;
  responsibleId: string;
  legalBasis: string;
  purpose: string;
  startDate: string;
  endDate: string;
  followUpDate: string;
  frequency: string;
  caseReference: string;
  status: EditableStatus;
  subGoalIds: string[];
}

function valuesOf(intervention: InterventionView | undefined, preselectedSubGoal?: string): Values {
  return {
    typeId: intervention?.type.id ?? '',
    unitId: intervention?.unit.id ?? '',
    responsibleId: intervention?.responsible?.id ?? '',
    legalBasis: intervention?.legalBasis ?? '',
    purpose: intervention?.purpose ?? '',
    startDate: intervention?.startDate ?? danishToday(),
    endDate: intervention?.endDate ?? '',
    followUpDate: intervention?.followUpDate ?? '',
    frequency: intervention?.frequency ?? '',
    caseReference: intervention?.caseReference ?? '',
    status: intervention && intervention.status !== 'ended' ? intervention.status : 'active',
    subGoalIds: intervention?.subGoalIds ?? (preselectedSubGoal ? [preselectedSubGoal] : []),
  };
}

/**
 * Adds an intervention from the catalogue, or changes one: responsible, legal basis, purpose,
 * period, follow-up date, frequency, status and the sub-goals it serves.
 */
export function InterventionForm({
  intervention,
  onDone,
}: {
  intervention?: InterventionView;
  onDone: (result: { id: string }) => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag, plan, meUnitId } = usePlanContext();
  const [values, setValues] = useState<Values>(() => valuesOf(intervention));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const types = useInterventionTypes();
  const units = useUnits();
  const professionals = useProfessionals(values.unitId);
  const chosenType = types.data?.find((type) => type.id === values.typeId);

  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const common = {
        responsibleId: orNull(values.responsibleId),
        ...(values.legalBasis ? { legalBasis: values.legalBasis } : {}),
        purpose: orNull(values.purpose),
        startDate: values.startDate,
        endDate: orNull(values.endDate),
        followUpDate: orNull(values.followUpDate),
        frequency: orNull(values.frequency),
        // Sent only when changed: only the intervention's own unit may record its case.
        ...(values.caseReference !== (intervention?.caseReference ?? '')
          ? { caseReference: orNull(values.caseReference) }
          : {}),
        status: values.status,
        subGoalIds: values.subGoalIds,
      };
      if (!intervention) {
        const result = validate(
          interventionCreateSchema,
          { typeId: values.typeId, unitId: values.unitId, ...common },
          t,
        );
        return result.ok
          ? { request: { method: 'POST', path: '/interventions', body: result.value } }
          : result;
      }
      const result = validate(interventionUpdateSchema, common, t);
      return result.ok
        ? { request: { method: 'PATCH', path: `/interventions/${intervention.id}`, body: result.value } }
        : result;
    },
  });

  const sectorName = (sector: keyof typeof SECTOR_LABELS): string =>
    SECTOR_LABELS[sector]?.[language] ?? sector;
  const dateText = (day: string | null | undefined): string => (day ? formatDate(day, language) : '');
  const subGoalTitle = (subGoalId: string): string =>
    plan.subGoals.find((item) => item.id === subGoalId)?.title ?? '';
  const labels = {
    type: t('plan.interventions.type'),
    unit: t('plan.interventions.unit'),
    responsible: t('plan.interventions.responsible'),
    legalBasis: t('plan.interventions.legalBasis'),
    purpose: t('plan.interventions.purpose'),
    startDate: t('plan.interventions.startDate'),
    endDate: t('plan.interventions.endDate'),
    followUp: t('plan.interventions.followUp'),
    frequency: t('plan.interventions.frequency'),
    status: t('plan.interventions.status'),
    subGoals: t('plan.interventions.subGoals'),
  };
  const mine = (): ConflictRow[] => [
    { label: labels.type, value: chosenType?.name ?? intervention?.type.name ?? '' },
    {
      label: labels.responsible,
      value: professionals.data?.find((person) => person.id === values.responsibleId)?.name ?? '',
    },
    { label: labels.startDate, value: dateText(values.startDate) },
    { label: labels.endDate, value: dateText(values.endDate) },
    { label: labels.followUp, value: dateText(values.followUpDate) },
    { label: labels.frequency, value: values.frequency },
    { label: labels.status, value: t(`plan.interventionStatus.${values.status}`) },
    { label: labels.subGoals, value: values.subGoalIds.map(subGoalTitle).join(', ') },
  ];
  const theirs = (): ConflictRow[] => {
    const current = form.conflict?.plan.sectors
      .flatMap((group) => group.interventions)
      .find((item) => item.id === intervention?.id);
    if (!current || isRestricted(current)) return [];
    return [
      { label: labels.type, value: current.type.name },
      { label: labels.responsible, value: current.responsible?.name ?? '' },
      { label: labels.startDate, value: dateText(current.startDate) },
      { label: labels.endDate, value: dateText(current.endDate) },
      { label: labels.followUp, value: dateText(current.followUpDate) },
      { label: labels.frequency, value: current.frequency ?? '' },
      { label: labels.status, value: t(`plan.interventionStatus.${current.status}`) },
      {
        label: labels.subGoals,
        value: current.subGoalIds
          .map((subGoalId) => form.conflict?.plan.subGoals.find((item) => item.id === subGoalId)?.title ?? '')
          .join(', '),
      },
    ];
  };

  const onType = (typeId: string): void => {
    const type = types.data?.find((item) => item.id === typeId);
    setValues((previous) => {
      // Suggest a unit of the type's sector, so the pair makes sense; the person may change it.
      // One's own unit first when it fits: what one records for one's own unit needs no confirming.
      const sectorOf = (unitId: string | null): string | undefined =>
        units.data?.find((unit) => unit.id === unitId)?.sector;
      const suggest = (): string => {
        if (sectorOf(previous.unitId) === type?.sector) return previous.unitId;
        if (meUnitId !== null && sectorOf(meUnitId) === type?.sector) return meUnitId;
        return units.data?.find((unit) => unit.sector === type?.sector)?.id ?? previous.unitId;
      };
      const suggested = suggest();
      return {
        ...previous,
        typeId,
        unitId: suggested,
        responsibleId: suggested === previous.unitId ? previous.responsibleId : '',
      };
    });
  };

  return (
    <EditPanel
      title={
        intervention
          ? t('plan.interventions.edit', { name: intervention.type.name })
          : t('plan.interventions.add')
      }
      form={form}
      targets={{
        typeId: { id: `${id}-type`, label: labels.type },
        unitId: { id: `${id}-unit`, label: labels.unit },
        responsibleId: { id: `${id}-responsible`, label: labels.responsible },
        legalBasis: { id: `${id}-legal`, label: labels.legalBasis },
        purpose: { id: `${id}-purpose`, label: labels.purpose },
        startDate: { id: `${id}-start`, label: labels.startDate },
        endDate: { id: `${id}-end`, label: labels.endDate },
        followUpDate: { id: `${id}-follow-up`, label: labels.followUp },
        frequency: { id: `${id}-frequency`, label: labels.frequency },
        caseReference: { id: `${id}-case-reference`, label: t('plan.interventions.caseReference') },
        status: { id: `${id}-status`, label: labels.status },
        subGoalIds: { id: `${id}-sub-goals-0`, label: labels.subGoals },
      }}
      submitLabel={intervention ? t('form.save') : t('plan.interventions.addSubmit')}
      onCancel={() => onDone({ id: '' })}
      conflictRows={() => ({ mine: mine(), theirs: theirs() })}
    >
      {intervention ? (
        <dl className="samspil-facts">
          <div>
            <dt>{labels.type}</dt>
            <dd>{intervention.type.name}</dd>
          </div>
          <div>
            <dt>{labels.unit}</dt>
            <dd>{intervention.unit.name}</dd>
          </div>
        </dl>
      ) : (
        <div className="samspil-form-row">
          <SelectField
            id={`${id}-type`}
            label={labels.type}
            hint={t('plan.interventions.typeHint')}
            value={values.typeId}
            onChange={onType}
            emptyLabel={types.isPending ? t('app.loading') : t('form.choose')}
            error={form.errors.typeId}
            required
            options={(types.data ?? []).map((type) => ({
              value: type.id,
              label: type.name,
              group: sectorName(type.sector),
            }))}
          />
          <SelectField
            id={`${id}-unit`}
            label={labels.unit}
            value={values.unitId}
            onChange={(unitId) => setValues((previous) => ({ ...previous, unitId, responsibleId: '' }))}
            emptyLabel={units.isPending ? t('app.loading') : t('form.choose')}
            error={form.errors.unitId}
            required
            options={(units.data ?? []).map((unit) => ({
              value: unit.id,
              label: unit.name,
              group: sectorName(unit.sector),
            }))}
          />
        </div>
      )}
      {!intervention && values.unitId && meUnitId && values.unitId !== meUnitId ? (
        <Alert variant="info">
          {t('ownership.forOtherUnit', {
            unit: units.data?.find((unit) => unit.id === values.unitId)?.name ?? '',
          })}
        </Alert>
      ) : null}
      {chosenType ? (
        <p className="samspil-muted samspil-small">
          {t('plan.interventions.typeFacts', {
            legal: legalBasisText(chosenType.legalBasis as LegalBasisCode),
            level: chosenType.pyramidLevel,
          })}
        </p>
      ) : null}
      <div className="samspil-form-row">
        <SelectField
          id={`${id}-responsible`}
          label={labels.responsible}
          hint={values.unitId ? undefined : t('plan.interventions.responsibleHint')}
          value={values.responsibleId}
          onChange={set('responsibleId')}
          emptyLabel={t('plan.interventions.noResponsible')}
          error={form.errors.responsibleId}
          options={(professionals.data ?? []).map((person) => ({
            value: person.id,
            label: `${person.name} (${person.profession})`,
          }))}
        />
        <SelectField
          id={`${id}-legal`}
          label={labels.legalBasis}
          value={values.legalBasis}
          onChange={set('legalBasis')}
          emptyLabel={t('plan.interventions.legalBasisDefault')}
          error={form.errors.legalBasis}
          options={(Object.keys(LEGAL_BASES) as LegalBasisCode[]).map((code) => ({
            value: code,
            label: legalBasisText(code),
          }))}
        />
      </div>
      <TextField
        id={`${id}-purpose`}
        label={labels.purpose}
        value={values.purpose}
        onChange={set('purpose')}
        error={form.errors.purpose}
        multiline
      />
      <div className="samspil-form-row">
        <TextField
          id={`${id}-start`}
          label={labels.startDate}
          type="date"
          value={values.startDate}
          onChange={set('startDate')}
          error={form.errors.startDate}
          required
        />
        <TextField
          id={`${id}-end`}
          label={labels.endDate}
          type="date"
          value={values.endDate}
          onChange={set('endDate')}
          error={form.errors.endDate}
        />
        <TextField
          id={`${id}-follow-up`}
          label={labels.followUp}
          type="date"
          value={values.followUpDate}
          onChange={set('followUpDate')}
          error={form.errors.followUpDate}
        />
      </div>
      <div className="samspil-form-row">
        <TextField
          id={`${id}-frequency`}
          label={labels.frequency}
          hint={t('plan.interventions.frequencyHint')}
          value={values.frequency}
          onChange={set('frequency')}
          error={form.errors.frequency}
        />
        <TextField
          id={`${id}-case-reference`}
          label={t('plan.interventions.caseReference')}
          hint={t('plan.interventions.caseReferenceHint')}
          value={values.caseReference}
          onChange={set('caseReference')}
          error={form.errors.caseReference}
        />
        <SelectField
          id={`${id}-status`}
          label={labels.status}
          value={values.status}
          onChange={(value) => set('status')(value === 'planned' || value === 'paused' ? value : 'active')}
          error={form.errors.status}
          options={(['planned', 'active', 'paused'] as const).map((status) => ({
            value: status,
            label: t(`plan.interventionStatus.${status}`),
          }))}
        />
      </div>
      <CheckboxGroup
        id={`${id}-sub-goals`}
        legend={labels.subGoals}
        hint={t('plan.interventions.subGoalsHint')}
        choices={plan.subGoals
          .filter((subGoal) => subGoal.status === 'active' || values.subGoalIds.includes(subGoal.id))
          .map((subGoal) => ({ value: subGoal.id, label: subGoal.title }))}
        selected={values.subGoalIds}
        onChange={set('subGoalIds')}
        empty={t('plan.subGoals.empty')}
      />
    </EditPanel>
  );
}
