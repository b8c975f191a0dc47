import { type FormEvent, type ReactElement, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSurvey } from '../../api/surveys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, TextField } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import {
  type CollaborationBody,
  checkCollaborationDraft,
  checkQualityDraft,
  type DraftProblem,
  type DraftProblems,
  MAX_GROUP,
  MAX_GROUPS,
  MAX_ITEM_TEXT,
  MAX_ITEMS,
  MAX_TITLE,
  MIN_GROUPS,
  nextItemCode,
  type QualityBody,
} from './survey-drafts.js';

type Kind = 'collaboration' | 'quality';

/** The draft's problems as the form says them, per field. */
function useProblemTexts(): (problems: DraftProblems) => FieldErrors {
  const { t } = useTranslation();
  return (problems) =>
    Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => {
        const kind = field === 'title' || field === 'project' ? field : field.replace(/-\d+/, '');
        return [field, t(`surveys.create.problem.${kind}.${problem satisfies DraftProblem}`)];
      }),
    );
}

/**
 * A new survey, created by the team leader for their unit: a collaboration survey between work
 * groups, or a quality survey of statements (a code and a text each). Answers come by import.
 */
export function NewSurveyForm({ kind, onDone }: { kind: Kind; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [title, setTitle] = useState('');
  const [project, setProject] = useState('');
  const [groups, setGroups] = useState<string[]>(['', '']);
  const [items, setItems] = useState([{ code: 'q1', text: '' }]);
  const create = useCreateSurvey<CollaborationBody | QualityBody>(kind);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const texts = useProblemTexts();
  const showSuccess = useShowSuccess();
  const addButton = useRef<HTMLButtonElement>(null);
  const rows = kind === 'collaboration' ? groups.length : items.length;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const checked =
      kind === 'collaboration'
        ? checkCollaborationDraft({ title, project, groups })
        : checkQualityDraft({ title, project, items });
    if (fieldErrors.check(checked.ok ? {} : texts(checked.problems)) || !checked.ok) return;
    create.mutate(checked.body, {
      onSuccess: () => {
        showSuccess(t(`surveys.create.${kind}.saved`, { title: checked.body.title }));
        onDone();
      },
      onError: (error) => fieldErrors.fromServer(error),
    });
  };
  const remove = (index: number): void => {
    if (kind === 'collaboration') setGroups(groups.filter((_, i) => i !== index));
    else setItems(items.filter((_, i) => i !== index));
    // The removed row's button is gone: focus goes on to the add button, not to the page.
    addButton.current?.focus();
  };
  const targets = {
    title: { id: `${id}-title`, label: t('surveys.create.title') },
    project: { id: `${id}-project`, label: t('surveys.create.project') },
    ...(kind === 'collaboration'
      ? {
          groups: { id: `${id}-group-0`, label: t('surveys.create.groups') },
          ...Object.fromEntries(
            groups.map((_, index) => [
              `group-${index}`,
              { id: `${id}-group-${index}`, label: t('surveys.create.group', { number: index + 1 }) },
            ]),
          ),
        }
      : {
          items: { id: `${id}-add`, label: t('surveys.create.items') },
          ...Object.fromEntries(
            items.flatMap((_, index) => [
              [
                `item-${index}-code`,
                {
                  id: `${id}-item-${index}-code`,
                  label: t('surveys.create.itemCode', { number: index + 1 }),
                },
              ],
              [
                `item-${index}-text`,
                {
                  id: `${id}-item-${index}-text`,
                  label: t('surveys.create.itemText', { number: index + 1 }),
                },
              ],
            ]),
          ),
        }),
  };
  const canAdd = kind === 'collaboration' ? groups.length < MAX_GROUPS : items.length < MAX_ITEMS;
  const canRemove = kind === 'collaboration' ? groups.length > MIN_GROUPS : items.length > 1;

  return (
    <form
      className="samspil-measure-form samspil-new-survey mt-4"
      onSubmit={submit}
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h2 className="h3" id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t(`surveys.create.${kind}.heading`)}
      </h2>
      <p>{t(`surveys.create.${kind}.intro`)}</p>
      <ErrorSummary errors={errors} attempt={fieldErrors.attempt} targets={targets} />
      <TextField
        id={`${id}-title`}
        label={t('surveys.create.title')}
        hint={t(`surveys.create.${kind}.titleHint`)}
        value={title}
        onChange={setTitle}
        error={errors.title}
        maxLength={MAX_TITLE}
        required
      />
      <TextField
        id={`${id}-project`}
        label={t('surveys.create.project')}
        hint={t('surveys.create.projectHint')}
        value={project}
        onChange={setProject}
        error={errors.project}
        maxLength={MAX_TITLE}
      />
      <fieldset className="samspil-survey-rows" aria-describedby={`${id}-rows-hint`}>
        <legend className="form-label">
          {t(kind === 'collaboration' ? 'surveys.create.groups' : 'surveys.create.items')}
        </legend>
        <span className="form-hint" id={`${id}-rows-hint`}>
          {t(`surveys.create.${kind}.rowsHint`, {
            min: MIN_GROUPS,
            max: kind === 'collaboration' ? MAX_GROUPS : MAX_ITEMS,
          })}
        </span>
        {errors.groups || errors.items ? (
          <p className="form-error-message">{errors.groups ?? errors.items}</p>
        ) : null}
        {kind === 'collaboration'
          ? groups.map((group, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list; names may repeat while typed
              <div className="samspil-survey-row" key={index}>
                <TextField
                  id={`${id}-group-${index}`}
                  label={t('surveys.create.group', { number: index + 1 })}
                  value={group}
                  onChange={(value) => setGroups(groups.map((g, i) => (i === index ? value : g)))}
                  error={errors[`group-${index}`]}
                  maxLength={MAX_GROUP}
                  required
                />
                {canRemove ? (
                  <RemoveButton
                    label={t('surveys.create.removeGroup', { number: index + 1 })}
                    onClick={() => remove(index)}
                  />
                ) : null}
              </div>
            ))
          : items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list; codes may repeat while typed
              <div className="samspil-survey-row samspil-survey-item" key={index}>
                <TextField
                  id={`${id}-item-${index}-code`}
                  label={t('surveys.create.itemCode', { number: index + 1 })}
                  value={item.code}
                  onChange={(code) => setItems(items.map((it, i) => (i === index ? { ...it, code } : it)))}
                  error={errors[`item-${index}-code`]}
                  className="form-input input-width-xs"
                  maxLength={20}
                  required
                />
                <TextField
                  id={`${id}-item-${index}-text`}
                  label={t('surveys.create.itemText', { number: index + 1 })}
                  value={item.text}
                  onChange={(text) => setItems(items.map((it, i) => (i === index ? { ...it, text } : it)))}
                  error={errors[`item-${index}-text`]}
                  maxLength={MAX_ITEM_TEXT}
                  required
                />
                {canRemove ? (
                  <RemoveButton
                    label={t('surveys.create.removeItem', { number: index + 1 })}
                    onClick={() => remove(index)}
                  />
                ) : null}
              </div>
            ))}
        {canAdd ? (
          <button
            type="button"
            id={`${id}-add`}
            ref={addButton}
            className="button button-secondary"
            onClick={() =>
              kind === 'collaboration'
                ? setGroups([...groups, ''])
                : setItems([...items, { code: nextItemCode(items), text: '' }])
            }
          >
            {t(kind === 'collaboration' ? 'surveys.create.addGroup' : 'surveys.create.addItem')}
          </button>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {t(`surveys.create.${kind}.count`, { count: rows })}
        </p>
      </fieldset>
      {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
      <FormActions
        submitLabel={t(`surveys.create.${kind}.submit`)}
        pending={create.isPending}
        onCancel={onDone}
      />
    </form>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }): ReactElement {
  return (
    <button type="button" className="button button-tertiary samspil-survey-remove" onClick={onClick}>
      {label}
    </button>
  );
}
