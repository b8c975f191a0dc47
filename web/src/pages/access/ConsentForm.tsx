import { type FormEvent, type ReactElement, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CATEGORIES,
  CONSENT_PURPOSES,
  type ConsentCategory,
  type ConsentPurpose,
  LEGAL_PROVISIONS,
  useGiveConsent,
} from '../../api/consent.js';
import { useUnits } from '../../api/catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CheckboxGroup, RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { dateError, type FieldErrors } from '../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { SECTOR_LABELS, SECTORS } from '../../domain.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { useLanguage } from '../../i18n/useLanguage.js';

type Grantee = 'unit' | 'sector';
/** What a professional's registration rests on. */
type Kind = 'declaration' | 'pending' | 'legal';

function kindLabel(kind: Kind, t: TFunction): string {
  if (kind === 'declaration') return t('consents.professional.kindDeclaration');
  if (kind === 'pending') return t('consents.professional.kindPending');
  return t('consents.professional.kindLegal');
}

interface ConsentFormProps {
  citizenId: string;
  onDone: () => void;
  /**
   * Who fills it in: the citizen gives consent; a professional registers one the citizen gave
   * outside Samspil (with the signed declaration's reference, or pending until she confirms it),
   * and a team leader may record a legal basis instead.
   */
  by?: 'citizen' | 'professional' | 'team-leader';
}

/** Gives or registers a consent: to whom (a unit or a whole sector), what, why and when. */
export function ConsentForm({ citizenId, onDone, by = 'citizen' }: ConsentFormProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const units = useUnits();
  const give = useGiveConsent(citizenId);
  const [grantee, setGrantee] = useState<Grantee>('unit');
  const [unitId, setUnitId] = useState('');
  const [sector, setSector] = useState('');
  const [categories, setCategories] = useState<ConsentCategory[]>(['intervention-details']);
  const [purpose, setPurpose] = useState<ConsentPurpose>('coordination');
  const [validUntil, setValidUntil] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();
  const today = danishToday();
  const [kind, setKind] = useState<Kind>('declaration');
  const [reference, setReference] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [provision, setProvision] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const professional = by !== 'citizen';
  const kinds: Kind[] =
    by === 'team-leader' ? ['declaration', 'pending', 'legal'] : ['declaration', 'pending'];

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (professional && kind === 'declaration') {
      if (reference.trim() === '') problems.declarationReference = t('form.errors.required');
      const signed = dateError(signedOn, t, { required: true, max: today });
      if (signed) problems.declarationSignedOn = signed;
    }
    if (professional && kind === 'legal' && provision === '') {
      problems.legalProvision = t('consents.form.provisionMissing');
    }
    if (grantee === 'unit' && unitId === '') problems.granteeUnitId = t('consents.form.unitMissing');
    if (grantee === 'sector' && sector === '') problems.granteeSector = t('consents.form.sectorMissing');
    if (categories.length === 0) problems.categories = t('consents.form.categoriesMissing');
    const from = professional ? dateError(validFrom, t, { min: today }) : undefined;
    if (from) problems.validFrom = from;
    const until = dateError(validUntil, t, { min: today });
    if (until) problems.validUntil = until;
    if (fieldErrors.check(problems)) return;
    give.mutate(
      {
        ...(grantee === 'unit'
          ? { granteeUnitId: unitId }
          : { granteeSector: SECTORS.find((code) => code === sector) }),
        categories,
        purpose,
        ...(validUntil ? { validUntil } : {}),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
        ...(professional && validFrom ? { validFrom } : {}),
        ...(professional && kind === 'declaration'
          ? { declarationReference: reference.trim(), declarationSignedOn: signedOn }
          : {}),
        ...(professional && kind === 'legal'
          ? {
              basis: 'legal_provision',
              legalProvision: LEGAL_PROVISIONS.find((code) => code === provision),
            }
          : {}),
      },
      {
        onSuccess: () => {
          showSuccess(professional ? t('consents.form.registered') : t('consents.form.given'));
          onDone();
        },
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="h3 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {professional ? t('consents.professional.register') : t('consents.form.heading')}
      </h2>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={{
          declarationReference: {
            id: `${id}-reference`,
            label: t('consents.professional.declarationReference'),
          },
          declarationSignedOn: { id: `${id}-signed`, label: t('consents.professional.declarationSignedOn') },
          legalProvision: { id: `${id}-provision`, label: t('consents.professional.provision') },
          granteeUnitId: { id: `${id}-unit`, label: t('consents.form.unit') },
          granteeSector: { id: `${id}-sector`, label: t('consents.form.sector') },
          categories: { id: `${id}-categories-0`, label: t('consents.form.categories') },
          purpose: { id: `${id}-purpose-0`, label: t('consents.form.purpose') },
          validFrom: { id: `${id}-from`, label: t('consents.professional.validFrom') },
          validUntil: { id: `${id}-until`, label: t('consents.form.validUntil') },
          caseReference: { id: `${id}-case`, label: t('consents.form.caseReference') },
        }}
      />
      {professional ? (
        <>
          <RadioGroup
            id={`${id}-kind`}
            legend={t('consents.professional.kind')}
            choices={kinds.map((value) => ({
              value,
              label: kindLabel(value, t),
            }))}
            value={kind}
            onChange={(value) => setKind(kinds.find((item) => item === value) ?? 'declaration')}
          />
          {kind === 'declaration' ? (
            <>
              <TextField
                id={`${id}-reference`}
                label={t('consents.professional.declarationReference')}
                maxLength={200}
                required
                error={errors.declarationReference}
                value={reference}
                onChange={setReference}
              />
              <TextField
                id={`${id}-signed`}
                label={t('consents.professional.declarationSignedOn')}
                type="date"
                required
                error={errors.declarationSignedOn}
                value={signedOn}
                onChange={setSignedOn}
              />
            </>
          ) : null}
          {kind === 'legal' ? (
            <SelectField
              id={`${id}-provision`}
              label={t('consents.professional.provision')}
              value={provision}
              error={errors.legalProvision}
              required
              onChange={setProvision}
              emptyLabel={t('consents.professional.chooseProvision')}
              options={LEGAL_PROVISIONS.map((value) => ({ value, label: t(`consents.provisions.${value}`) }))}
            />
          ) : null}
        </>
      ) : null}
      <RadioGroup
        id={`${id}-grantee`}
        legend={professional ? t('consents.professional.grantee') : t('consents.form.grantee')}
        choices={[
          { value: 'unit', label: t('consents.form.toUnit') },
          { value: 'sector', label: t('consents.form.toSector') },
        ]}
        value={grantee}
        onChange={(value) => setGrantee(value === 'sector' ? 'sector' : 'unit')}
      />
      {grantee === 'unit' ? (
        <SelectField
          id={`${id}-unit`}
          label={t('consents.form.unit')}
          value={unitId}
          error={errors.granteeUnitId}
          required
          onChange={setUnitId}
          emptyLabel={t('consents.form.chooseUnit')}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      ) : (
        <SelectField
          id={`${id}-sector`}
          label={t('consents.form.sector')}
          value={sector}
          error={errors.granteeSector}
          required
          onChange={setSector}
          emptyLabel={t('consents.form.chooseSector')}
          options={Object.entries(SECTOR_LABELS).map(([value, label]) => ({ value, label: label[language] }))}
        />
      )}
      <CheckboxGroup
        id={`${id}-categories`}
        legend={t('consents.form.categories')}
        hint={t('consents.form.categoriesHint')}
        choices={CONSENT_CATEGORIES.map((value) => ({ value, label: t(`consents.category.${value}`) }))}
        selected={categories}
        error={errors.categories}
        onChange={(selected) =>
          setCategories(CONSENT_CATEGORIES.filter((category) => selected.includes(category)))
        }
      />
      <RadioGroup
        id={`${id}-purpose`}
        legend={t('consents.form.purpose')}
        choices={CONSENT_PURPOSES.map((value) => ({ value, label: t(`consents.purpose.${value}`) }))}
        value={purpose}
        onChange={(value) => setPurpose(CONSENT_PURPOSES.find((item) => item === value) ?? 'coordination')}
      />
      {professional ? (
        <TextField
          id={`${id}-from`}
          label={t('consents.professional.validFrom')}
          hint={t('consents.professional.validFromHint')}
          type="date"
          error={errors.validFrom}
          value={validFrom}
          onChange={setValidFrom}
        />
      ) : null}
      <TextField
        id={`${id}-until`}
        label={t('consents.form.validUntil')}
        hint={t('consents.form.validUntilHint')}
        type="date"
        error={errors.validUntil}
        value={validUntil}
        onChange={setValidUntil}
      />
      <TextField
        id={`${id}-case`}
        label={t('consents.form.caseReference')}
        hint={t('consents.form.caseReferenceHint')}
        maxLength={200}
        error={errors.caseReference}
        value={caseReference}
        onChange={setCaseReference}
      />
      {give.error && Object.keys(errors).length === 0 ? <ErrorAlert error={give.error} /> : null}
      <FormActions
        submitLabel={professional ? t('consents.professional.register') : t('consents.form.submit')}
        pending={give.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
