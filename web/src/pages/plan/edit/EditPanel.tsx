import { type FormEvent, type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ErrorSummary } from '../../../components/form/ErrorSummary.js';
import type { SummaryTarget } from '../../../components/form/error-summary.js';
import { FormActions } from '../../../components/form/Fields.js';
import { type ConflictRow, ConflictView } from './ConflictView.js';
import type { PlanForm } from './usePlanForm.js';

interface EditPanelProps {
  title: string;
  form: PlanForm;
  /** Field name → its control and label, for the error summary's links. */
  targets: Readonly<Record<string, SummaryTarget>>;
  submitLabel: string;
  onCancel: () => void;
  /** Mine vs theirs, computed only while there is a conflict. */
  conflictRows?: () => { mine: ConflictRow[]; theirs: ConflictRow[] };
  children: ReactNode;
}

/** An inline edit form with its heading, save and cancel, errors, and the conflict view. */
export function EditPanel({
  title,
  form,
  targets,
  submitLabel,
  onCancel,
  conflictRows,
  children,
}: EditPanelProps): ReactElement {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // During a conflict the submit button is "Behold mine": my change on the newer version.
    if (form.conflict) form.keepMine();
    else form.submit();
  };
  const rows = form.conflict && conflictRows ? conflictRows() : null;
  return (
    <form
      className="samspil-edit-panel"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
      onKeyDown={(event) => {
        // Escape cancels, except during a conflict, where the person must choose so nothing is lost.
        if (event.key === 'Escape' && !form.conflict) onCancel();
      }}
    >
      <h3 className="h4 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <ErrorSummary errors={form.errors} targets={targets} attempt={form.attempt} />
      {form.failure ? <ErrorAlert error={form.failure} /> : null}
      {form.conflict && rows ? (
        <ConflictView
          current={form.conflict}
          mine={rows.mine}
          theirs={rows.theirs}
          pending={form.pending}
          onTakeTheirs={form.takeTheirs}
        />
      ) : null}
      {children}
      {form.conflict ? null : (
        <FormActions
          submitLabel={form.pending ? t('form.saving') : submitLabel}
          pending={form.pending}
          onCancel={onCancel}
        />
      )}
    </form>
  );
}
