import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvCell, downloadCsv, toCsv } from './csv-export.js';

/** "Download the table as CSV": the table's header and rows, as shown, in a file. */
export function ExportCsvButton({
  fileName,
  header,
  rows,
}: {
  fileName: string;
  header: readonly string[];
  /** Built when the button is pressed, so a large table costs nothing until then. */
  rows: () => readonly (readonly CsvCell[])[];
}): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-secondary mt-4"
      onClick={() => downloadCsv(fileName, toCsv(header, rows()))}
    >
      {t('form.exportCsv')}
    </button>
  );
}
