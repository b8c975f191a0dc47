import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { RESPONSE_CSV_HEADER } from '../../../../../src/domain/measures/response-csv.js';
import { useImportMeasures } from '../../../api/measures.js';
import { CsvImportForm } from '../../../components/form/CsvImportForm.js';
import { useShowSuccess } from '../../../components/SuccessAlert.js';

/**
 * Questionnaires the citizen (or a relative, or a professional) answered on paper, typed into a
 * CSV and imported at once: scored by the same instruments as when recorded on the plan.
 */
export function PaperImportForm({
  citizenId,
  onDone,
}: {
  citizenId: string;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const importing = useImportMeasures(citizenId);
  const showSuccess = useShowSuccess();
  return (
    <div>
      <CsvImportForm
        heading={t('measures.paper.heading')}
        hint={t('measures.paper.hint', { header: RESPONSE_CSV_HEADER.join(',') })}
        pending={importing.isPending}
        error={importing.error}
        onImport={(csv) =>
          importing.mutate(csv, {
            onSuccess: (result) => {
              showSuccess(t('measures.paper.done', { count: result.imported }));
              onDone();
            },
          })
        }
      />
      <button type="button" className="button button-tertiary mt-3" onClick={onDone}>
        {t('measures.paper.close')}
      </button>
    </div>
  );
}
