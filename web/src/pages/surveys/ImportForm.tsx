import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { type ImportProblem, useImportRound } from '../../api/surveys.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';

/**
 * Imports a round's answers from a CSV file (a paper survey, a licensed provider's export).
 * The server checks every line; a refused file lists its problems per line and stores nothing.
 */
export function ImportForm({
  basePath,
  rounds,
  header,
}: {
  /** …/rounds; the chosen round and /responses are added. */
  basePath: string;
  rounds: readonly string[];
  header: string;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [round, setRound] = useState(rounds[0] ?? 'baseline');
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportRound();
  const fieldErrors = useFormErrors();
  const fileError = fieldErrors.errors.file;
  const showSuccess = useShowSuccess();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (fieldErrors.check(file ? {} : { file: t('surveys.import.fileMissing') }) || !file) return;
    importing.mutate(
      { path: `${basePath}/${encodeURIComponent(round)}/responses`, csv: await file.text() },
      { onSuccess: (result) => showSuccess(t('surveys.import.done', { count: result.imported })) },
    );
  };
  const refused = importing.error && isApiError(importing.error, 422) ? importing.error : null;
  const problems = (refused?.problem.errors ?? []) as ImportProblem[];
  // A refused file lists its problems above; any other failure is shown as it is.
  const otherError = refused ? null : importing.error;
  return (
    <form
      className="samspil-import-form mt-4"
      onSubmit={(event) => void submit(event)}
      aria-label={t('surveys.import.heading')}
    >
      <h3 className="h4">{t('surveys.import.heading')}</h3>
      <p className="form-hint">{t('surveys.import.hint', { header })}</p>
      <ErrorSummary
        errors={fieldErrors.errors}
        attempt={fieldErrors.attempt}
        targets={{ file: { id: `${id}-file`, label: t('surveys.import.file') } }}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-round`}>
          {t('surveys.import.round')}
        </label>
        <select
          id={`${id}-round`}
          className="form-select"
          value={round}
          onChange={(e) => setRound(e.target.value)}
        >
          {rounds.map((name) => (
            <option key={name} value={name}>
              {t(`surveys.round.${name}`, { defaultValue: name })}
            </option>
          ))}
        </select>
      </div>
      <div className={fileError ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-file`}>
          {t('surveys.import.file')}
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
      <button type="submit" className="button button-primary" disabled={importing.isPending}>
        {t('surveys.import.submit')}
      </button>
      {refused ? (
        <Alert variant="error" live heading={refused.problem.detail}>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.field}-${problem.message}`}>
                {t('surveys.import.problem', {
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
