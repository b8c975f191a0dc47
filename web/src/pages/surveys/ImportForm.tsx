import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportRound } from '../../api/surveys.js';
import { CsvImportForm } from '../../components/form/CsvImportForm.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';

/** Imports a round's answers from a CSV file (a paper survey, a licensed provider's export). */
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
  const importing = useImportRound();
  const showSuccess = useShowSuccess();
  return (
    <CsvImportForm
      heading={t('surveys.import.heading')}
      hint={t('surveys.import.hint', { header })}
      pending={importing.isPending}
      error={importing.error}
      onImport={(csv) =>
        importing.mutate(
          { path: `${basePath}/${encodeURIComponent(round)}/responses`, csv },
          { onSuccess: (result) => showSuccess(t('surveys.import.done', { count: result.imported })) },
        )
      }
    >
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
    </CsvImportForm>
  );
}
