import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Checkbox, RadioGroup } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { dateError } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';

/**
 * One form of a decision's checklist (or a team case's): fields named by the request's keys
 * (nested ones dotted, `reasons.rules`), required ones checked here, the rest by the server,
 * whose field errors stand at the fields and whose rule refusals (a 409 with a `code`) are said
 * in the user's language (`decisionPage.rule.<code>`).
 */
export type StepField =
  | { name: string; label: string; kind: 'text' | 'textarea'; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'date'; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'checkbox' }
  | {
      name: string;
      label: string;
      kind: 'radio' | 'select';
      choices: { value: string; label: string }[];
      required?: boolean;
    };

type Values = Record<string, string | boolean>;

/** A yes/no choice's values, sent as booleans. */
const BOOLEAN_CHOICES: Record<string, boolean> = { true: true, false: false };

/** The request body from the form's values: dotted names nest, empty texts are left out. */
export function bodyOf(fields: readonly StepField[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === '' || value === undefined) continue;
    const keys = field.name.split('.');
    let target = body;
    for (const key of keys.slice(0, -1)) {
      target[key] = (target[key] as Record<string, unknown> | undefined) ?? {};
      target = target[key] as Record<string, unknown>;
    }
    const last = keys.at(-1) as string;
    target[last] = BOOLEAN_CHOICES[String(value)] ?? value;
  }
  return body;
}

export function StepForm({
  title,
  fields,
  initial = {},
  mutation,
  submitLabel,
  sent,
  extra,
}: {
  title: string;
  fields: readonly StepField[];
  initial?: Values;
  // biome-ignore lint/suspicious/noExplicitAny: each step's body is its own request schema
  mutation: UseMutationResult<any, Error, any>;
  submitLabel: string;
  sent: string;
  /** Added to the body as it is (e.g. the team case a new decision answers). */
  extra?: Record<string, unknown>;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const [values, setValues] = useState<Values>(initial);
  const set = (name: string) => (value: string | boolean) => setValues((now) => ({ ...now, [name]: value }));
  const targets = Object.fromEntries(
    fields.map((field) => [
      field.name,
      { id: field.kind === 'radio' ? `${id}-${field.name}-0` : `${id}-${field.name}`, label: field.label },
    ]),
  );
  const code =
    mutation.error instanceof ApiError ? (mutation.error.problem as { code?: string }).code : undefined;
  const ruleText = code ? t(`decisionPage.rule.${code}`, { defaultValue: '' }) : '';
  return (
    <form
      className="samspil-step-form"
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        const errors: Record<string, string> = {};
        for (const field of fields) {
          const value = values[field.name];
          if (field.kind === 'date') {
            const problem = dateError(String(value ?? ''), t, { required: field.required });
            if (problem) errors[field.name] = problem;
          } else if (field.kind !== 'checkbox' && field.required && !String(value ?? '').trim())
            errors[field.name] = t('form.errors.required');
        }
        if (fieldErrors.check(errors)) return;
        mutation.mutate(
          { ...bodyOf(fields, values), ...extra },
          {
            onSuccess: () => {
              showSuccess(sent);
              // A form that stays (a second case, another step) starts empty again.
              setValues(initial);
            },
            onError: (error) => fieldErrors.fromServer(error),
          },
        );
      }}
    >
      <h3 className="h4">{title}</h3>
      <ErrorSummary errors={fieldErrors.errors} targets={targets} attempt={fieldErrors.attempt} />
      {mutation.isError && Object.keys(fieldErrors.errors).length === 0 && ruleText ? (
        <Alert variant="error" heading={t('decisionPage.ruleHeading')} live>
          <p className="alert-text">{ruleText}</p>
        </Alert>
      ) : null}
      {mutation.isError && Object.keys(fieldErrors.errors).length === 0 && !ruleText ? (
        <ErrorAlert error={mutation.error} />
      ) : null}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const error = fieldErrors.errors[field.name];
        switch (field.kind) {
          case 'checkbox':
            return (
              <Checkbox
                key={field.name}
                id={fieldId}
                label={field.label}
                checked={values[field.name] === true}
                onChange={set(field.name)}
              />
            );
          case 'radio':
            return (
              <RadioGroup
                key={field.name}
                id={fieldId}
                legend={field.label}
                value={String(values[field.name] ?? '')}
                onChange={set(field.name)}
                error={error}
                choices={field.choices}
              />
            );
          case 'select':
            return (
              <SelectField
                key={field.name}
                id={fieldId}
                label={field.label}
                value={String(values[field.name] ?? '')}
                onChange={set(field.name)}
                error={error}
                options={field.choices}
                emptyLabel={t('decisionPage.choose')}
              />
            );
          default:
            return (
              <TextField
                key={field.name}
                id={fieldId}
                label={field.label}
                hint={field.hint}
                value={String(values[field.name] ?? '')}
                onChange={set(field.name)}
                error={error}
                type={field.kind === 'date' ? 'date' : 'text'}
                multiline={field.kind === 'textarea'}
                required={'required' in field ? field.required : false}
              />
            );
        }
      })}
      <FormActions submitLabel={submitLabel} pending={mutation.isPending} />
    </form>
  );
}
