import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationRule } from '../../api/coordination-types.js';
import { useUpdateRule } from '../../api/useUpdateRule.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
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

/** One rule: on or off for the municipality, and its thresholds. */
/** One rule; `canChange` only for administrators (the rules hold for the whole municipality). */
export function RuleForm({ rule, canChange }: { rule: CoordinationRule; canChange: boolean }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const update = useUpdateRule();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [settings, setSettings] = useState<Editable>(() => editableSettings(rule.settings));
  const title = localised(rule.title, language);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    update.mutate({ ruleId: rule.id, enabled, settings });
  };

  return (
    <li className="samspil-consent">
      <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <h3 id={`${id}-title`} className="h5">
          {title}
        </h3>
        <p className="samspil-muted samspil-small">{localised(rule.description, language)}</p>
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
              <div className="form-group" key={key}>
                <label className="form-label" htmlFor={`${id}-${key}`}>
                  {t(`coordinationRules.setting.${key}`, { defaultValue: key })}
                </label>
                <input
                  id={`${id}-${key}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  className="form-input input-width-xs"
                  value={String(value)}
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
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {update.isSuccess ? (
          <p role="status" className="samspil-small">
            {t('coordinationRules.saved')}
          </p>
        ) : null}
        {canChange ? (
          <button type="submit" className="button button-secondary" disabled={update.isPending}>
            {t('coordinationRules.save')}
            <span className="sr-only">: {title}</span>
          </button>
        ) : null}
      </form>
    </li>
  );
}
