import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../api/audit.js';
import { useProfessionals } from '../../api/catalogue.js';
import { useCprSearch } from '../../api/workspace.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CprInput, Field, SelectField, TextField } from '../../components/form/Fields.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { dateError, type FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { type ChosenCitizen, CitizenNameLookup } from './CitizenNameLookup.js';
import { normaliseCpr } from '../../domain.js';

export const AUDIT_ACTIONS = [
  'read',
  'search',
  'list',
  'create',
  'update',
  'end',
  'withdraw',
  'reveal',
  'break-glass',
  'login',
  'logout',
] as const;

interface AuditFilterFormProps {
  unitId: string;
  onSearch: (filter: AuditFilter) => void;
}

/**
 * The supervisor's filters: a citizen (found by CPR number in a POST, so the number never
 * reaches the audit query's URL — only the citizen's id does), a colleague, a period, an action.
 */
export function AuditFilterForm({ unitId, onSearch }: AuditFilterFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const professionals = useProfessionals(unitId);
  const cprSearch = useCprSearch();
  const [cpr, setCpr] = useState('');
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cprInvalid, setCprInvalid] = useState(false);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const [name, setName] = useState('');
  const [nameQuery, setNameQuery] = useState('');
  const [chosen, setChosen] = useState<ChosenCitizen | null>(null);
  const byCpr = cprSearch.state.status === 'success' ? cprSearch.state.result.items[0] : undefined;
  const found: ChosenCitizen | null =
    chosen ?? (byCpr ? { id: byCpr.id, name: `${byCpr.givenName} ${byCpr.familyName}` } : null);
  const notFound = cprSearch.state.status === 'success' && !byCpr && !chosen;

  const findCitizen = (): void => {
    const normalised = normaliseCpr(cpr.replace(/\s/g, ''));
    setCpr('');
    setCprInvalid(!normalised);
    setChosen(null);
    setNameQuery('');
    if (normalised) cprSearch.search(`${normalised.slice(0, 6)}-${normalised.slice(6)}`);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    const fromError = dateError(from, t);
    if (fromError) problems.from = fromError;
    const toError = dateError(to, t, from && !fromError ? { min: from } : {});
    if (toError) problems.to = toError;
    if (fieldErrors.check(problems)) return;
    onSearch({
      citizenId: found?.id,
      actorId: actorId || undefined,
      action: action || undefined,
      from: from ? `${from}T00:00:00.000Z` : undefined,
      to: to ? `${to}T23:59:59.999Z` : undefined,
    });
  };

  return (
    <form
      className="samspil-panel samspil-audit-form"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} className="h4 samspil-panel-heading">
        {t('audit.filters')}
      </h2>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={{
          from: { id: `${id}-from`, label: t('audit.from') },
          to: { id: `${id}-to`, label: t('audit.to') },
        }}
      />
      <Field
        id={`${id}-cpr`}
        label={t('audit.citizenCpr')}
        hint={t('audit.citizenCprHint')}
        error={cprInvalid ? t('cprSearch.invalid') : undefined}
        alert
      >
        {(describedBy, invalid) => (
          <>
            <div className="samspil-inline-form">
              <CprInput
                id={`${id}-cpr`}
                value={cpr}
                onChange={setCpr}
                describedBy={describedBy}
                invalid={invalid}
              />
              <button type="button" className="button button-secondary" onClick={findCitizen}>
                {t('audit.findCitizen')}
              </button>
            </div>
            <p role="status" className="samspil-small">
              {found ? t('audit.citizenChosen', { name: found.name }) : null}
              {notFound ? t('audit.citizenNotFound') : null}
            </p>
            {found ? (
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => {
                  cprSearch.clear();
                  setChosen(null);
                }}
              >
                {t('audit.clearCitizen')}
              </button>
            ) : null}
            {cprSearch.state.status === 'error' ? <ErrorAlert error={cprSearch.state.error} /> : null}
          </>
        )}
      </Field>
      <Field id={`${id}-name`} label={t('audit.citizenName')}>
        {() => (
          <>
            <div className="samspil-inline-form">
              <input
                id={`${id}-name`}
                className="form-input"
                type="text"
                autoComplete="off"
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setNameQuery(name.trim())}
              >
                {t('audit.findByName')}
              </button>
            </div>
            {nameQuery !== '' && chosen === null ? (
              <CitizenNameLookup
                query={nameQuery}
                onChoose={(citizen) => {
                  cprSearch.clear();
                  setChosen(citizen);
                  setNameQuery('');
                }}
              />
            ) : null}
          </>
        )}
      </Field>
      <div className="samspil-form-row">
        <SelectField
          id={`${id}-actor`}
          label={t('audit.actor')}
          value={actorId}
          onChange={setActorId}
          emptyLabel={t('audit.anyone')}
          options={(professionals.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
        />
        <SelectField
          id={`${id}-action`}
          label={t('audit.action')}
          value={action}
          onChange={setAction}
          emptyLabel={t('audit.anyAction')}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
        />
      </div>
      <div className="samspil-form-row">
        <TextField
          id={`${id}-from`}
          label={t('audit.from')}
          type="date"
          error={errors.from}
          value={from}
          onChange={setFrom}
        />
        <TextField
          id={`${id}-to`}
          label={t('audit.to')}
          type="date"
          error={errors.to}
          value={to}
          onChange={setTo}
        />
      </div>
      <button type="submit" className="button button-primary">
        {t('audit.search')}
      </button>
    </form>
  );
}
