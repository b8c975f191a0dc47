import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CoordinationRule, useUpdateRule } from '../../api/coordination.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { localised } from './flag-text.js';

type Editable = Record<string, number | boolean>;

/** Numbers and switches can be edited here; lists (categories, pairs) keep their configured value. */
function editableSettings(settings: Record<string, unknown>): Editable {
  const editable: Editable = {};
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value === 'number' || typeof value === 'boolean') editable[key] = value;
  }
  return editable;
}

/** The server's errors of single settings (`settings.<key>`), by the setting's key. */
function settingErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const item of error.problem.errors ?? []) {
    const key = item.field.startsWith('settings.') ? item.field.slice('settings.'.length) : item.field;
    errors[key] ??= item.message;
  }
  return errors;
}

/** One rule: on or off for the municipality, and its thresholds; `canChange` only for administrators (the rules hold for the whole municipality). */
export function RuleForm({ rule, canChange }: { rule: CoordinationRule; canChange: boolean }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const update = useUpdateRule();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [settings, setSettings] = useState<Editable>(() => editableSettings(rule.settings));
  const title = localised(rule.title, language);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();
  const settingLabel = (key: string): string => t(`coordinationRules.setting.${key}`, { defaultValue: key });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    for (const [key, value] of Object.entries(settings)) {
      if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) {
        problems[key] = t('coordinationRules.wholeNumber');
      }
    }
    if (fieldErrors.check(problems)) return;
    update.mutate(
      { ruleId: rule.id, enabled, settings },
      {
        onSuccess: () => showSuccess(`${t('coordinationRules.saved')} ${title}`),
        onError: (error) => fieldErrors.check(settingErrors(error)),
      },
    );
  };

  const content = (
    <>
      <h3 id={`${id}-title`} className="h5">
        {title}
      </h3>
      <p className="samspil-muted samspil-small">{localised(rule.description, language)}</p>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={Object.fromEntries([
          ['enabled', { id: `${id}-enabled`, label: t('coordinationRules.enabled') }],
          ...Object.keys(settings).map((key) => [key, { id: `${id}-${key}`, label: settingLabel(key) }]),
        ])}
      />
      <div className="form-group-checkbox">
        <input
          type="checkbox"
          id={`${id}-enabled`}
          className="form-checkbox"
          checked={enabled}
          disabled={!canChange}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        <label className="form-label" htmlFor={`${id}-enabled`}>
          {t('coordinationRules.enabled')}
        </label>
      </div>
      <div className="samspil-rule-settings">
        {Object.entries(settings).map(([key, value]) =>
          typeof value === 'number' ? (
            <div className={errors[key] ? 'form-group form-error' : 'form-group'} key={key}>
              <label className="form-label" htmlFor={`${id}-${key}`}>
                {settingLabel(key)}
              </label>
              {errors[key] ? (
                <span className="form-error-message" id={`${id}-${key}-error`}>
                  {errors[key]}
                </span>
              ) : null}
              <input
                id={`${id}-${key}`}
                type="number"
                inputMode="numeric"
                min={0}
                className="form-input input-width-xs"
                value={Number.isNaN(value) ? '' : String(value)}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
                disabled={!enabled || !canChange}
                onChange={(event) => setSettings({ ...settings, [key]: Number(event.target.value) })}
              />
            </div>
          ) : (
            <div className="form-group-checkbox" key={key}>
              <input
                type="checkbox"
                id={`${id}-${key}`}
                className="form-checkbox"
                checked={value}
                disabled={!enabled || !canChange}
                onChange={(event) => setSettings({ ...settings, [key]: event.target.checked })}
              />
              <label className="form-label" htmlFor={`${id}-${key}`}>
                {t(`coordinationRules.setting.${key}`, { defaultValue: key })}
              </label>
            </div>
          ),
        )}
      </div>
      {update.error && Object.keys(errors).length === 0 ? <ErrorAlert error={update.error} /> : null}
      {canChange ? (
        <button type="submit" className="button button-secondary" disabled={update.isPending}>
          {t('coordinationRules.save')}
          <span className="sr-only">: {title}</span>
        </button>
      ) : null}
    </>
  );
  // Without the right to change the rule there is nothing to submit: the settings are shown, not a form.
  return (
    <li className="samspil-consent">
      {canChange ? (
        <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
          {content}
        </form>
      ) : (
        <section aria-labelledby={`${id}-title`}>{content}</section>
      )}
    </li>
  );
}
