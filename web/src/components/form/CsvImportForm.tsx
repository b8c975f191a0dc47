import { type FormEvent, type ReactElement, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportProblem, isApiError } from '../../api/client.js';
import { Alert } from '../Alert.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { ErrorSummary } from './ErrorSummary.js';
import { useFormErrors } from './useFormErrors.js';

/**
 * A CSV file import (survey rounds, paper questionnaires). The server checks every line and
 * stores all or nothing; a refused file lists its problems per line here, and the form keeps the
 * chosen file so it can be fixed and sent again. `children` are the import's own fields (a round).
 */
export function CsvImportForm({
  heading,
  hint,
  pending,
  error,
  onImport,
  children,
}: {
  heading: string;
  hint: string;
  pending: boolean;
  error: Error | null;
  /** Sends the file's text; the caller's mutation says what happens on success. */
  onImport: (csv: string) => void;
  children?: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const fieldErrors = useFormErrors();
  const fileError = fieldErrors.errors.file;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (fieldErrors.check(file ? {} : { file: t('csvImport.fileMissing') }) || !file) return;
    onImport(await file.text());
  };
  const refused = error && isApiError(error, 422) ? error : null;
  const problems = (refused?.problem.errors ?? []) as ImportProblem[];
  // A refused file lists its problems below; any other failure is shown as it is.
  const otherError = refused ? null : error;
  return (
    <form className="samspil-import-form mt-4" onSubmit={(event) => void submit(event)} aria-label={heading}>
      <h3 className="h4">{heading}</h3>
      <p className="form-hint">{hint}</p>
      <ErrorSummary
        errors={fieldErrors.errors}
        attempt={fieldErrors.attempt}
        targets={{ file: { id: `${id}-file`, label: t('csvImport.file') } }}
      />
      {children}
      <div className={fileError ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-file`}>
          {t('csvImport.file')}
        </label>
        {fileError ? (
          <span className="form-error-message" id={`${id}-file-error`}>
            {fileError}
          </span>
        ) : null}
        <input
          id={`${id}-file`}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${id}-file-error` : undefined}
          type="file"
          accept=".csv,text/csv"
          className="form-file-input"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {t('csvImport.submit')}
      </button>
      {refused ? (
        <Alert variant="error" live heading={t('csvImport.refused', { count: problems.length })}>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.field}-${problem.message}`}>
                {problem.line === undefined
                  ? t('csvImport.problemNoLine', { field: problem.field, message: problem.message })
                  : t('csvImport.problem', {
                      line: problem.line,
                      field: problem.field,
                      message: problem.message,
                    })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {otherError ? <ErrorAlert error={otherError} /> : null}
    </form>
  );
}
