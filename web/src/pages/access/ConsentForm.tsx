import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CATEGORIES,
  CONSENT_PURPOSES,
  type ConsentCategory,
  type ConsentPurpose,
} from '../../api/access-types.js';
import { useUnits } from '../../api/useCatalogue.js';
import { useGiveConsent } from '../../api/useGiveConsent.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SECTOR_LABELS } from '../../domain.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { CheckboxGroup, RadioGroup } from '../plan/edit/Choices.js';

type Grantee = 'unit' | 'sector';

/** The citizen gives a consent: to whom (a unit or a whole sector), what, why and until when. */
export function ConsentForm({ citizenId, onDone }: { citizenId: string; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button: move focus to the form's heading so keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), []);
  const units = useUnits();
  const give = useGiveConsent(citizenId);
  const [grantee, setGrantee] = useState<Grantee>('unit');
  const [unitId, setUnitId] = useState('');
  const [sector, setSector] = useState('');
  const [categories, setCategories] = useState<ConsentCategory[]>(['intervention-details']);
  const [purpose, setPurpose] = useState<ConsentPurpose>('coordination');
  const [validUntil, setValidUntil] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const target = grantee === 'unit' ? unitId : sector;
    if (target === '' || categories.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    give.mutate(
      {
        ...(grantee === 'unit' ? { granteeUnitId: unitId } : { granteeSector: sector }),
        categories,
        purpose,
        ...(validUntil ? { validUntil } : {}),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="h3 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('consents.form.heading')}
      </h2>
      {missing ? (
        <p className="form-error-message" role="alert">
          {t('consents.form.missing')}
        </p>
      ) : null}
      <RadioGroup
        id={`${id}-grantee`}
        legend={t('consents.form.grantee')}
        choices={[
          { value: 'unit', label: t('consents.form.toUnit') },
          { value: 'sector', label: t('consents.form.toSector') },
        ]}
        value={grantee}
        onChange={(value) => setGrantee(value === 'sector' ? 'sector' : 'unit')}
      />
      {grantee === 'unit' ? (
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-unit`}>
            {t('consents.form.unit')}
          </label>
          <select
            id={`${id}-unit`}
            className="form-select"
            value={unitId}
            onChange={(event) => setUnitId(event.target.value)}
          >
            <option value="">{t('consents.form.chooseUnit')}</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="form-group">
          <label className="form-label" htmlFor={`${id}-sector`}>
            {t('consents.form.sector')}
          </label>
          <select
            id={`${id}-sector`}
            className="form-select"
            value={sector}
            onChange={(event) => setSector(event.target.value)}
          >
            <option value="">{t('consents.form.chooseSector')}</option>
            {Object.entries(SECTOR_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label[language]}
              </option>
            ))}
          </select>
        </div>
      )}
      <CheckboxGroup
        id={`${id}-categories`}
        legend={t('consents.form.categories')}
        hint={t('consents.form.categoriesHint')}
        choices={CONSENT_CATEGORIES.map((value) => ({ value, label: t(`consents.category.${value}`) }))}
        selected={categories}
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
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-until`}>
          {t('consents.form.validUntil')}
        </label>
        <span className="form-hint" id={`${id}-until-hint`}>
          {t('consents.form.validUntilHint')}
        </span>
        <input
          id={`${id}-until`}
          type="date"
          className="form-input"
          value={validUntil}
          aria-describedby={`${id}-until-hint`}
          onChange={(event) => setValidUntil(event.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-case`}>
          {t('consents.form.caseReference')}
        </label>
        <span className="form-hint" id={`${id}-case-hint`}>
          {t('consents.form.caseReferenceHint')}
        </span>
        <input
          id={`${id}-case`}
          className="form-input"
          maxLength={200}
          value={caseReference}
          aria-describedby={`${id}-case-hint`}
          onChange={(event) => setCaseReference(event.target.value)}
        />
      </div>
      {give.error ? <ErrorAlert error={give.error} /> : null}
      <div className="samspil-form-actions">
        <button type="submit" className="button button-primary" disabled={give.isPending}>
          {t('consents.form.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('coordination.common.cancel')}
        </button>
      </div>
    </form>
  );
}
