import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationCountCell } from '../../api/coordination-figures.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';

export interface CountRow {
  key: string | number;
  label: string;
  cells: CoordinationCountCell[];
  total?: CoordinationCountCell;
}

/**
 * A table of counts (flags, referrals) per row and column, with the distinct citizens under each
 * count; a cell the server hid says so and why. Rows may have a total, and the table a footer.
 */
export function CountCellTable({
  caption,
  rowHeader,
  columns,
  rows,
  totals,
  totalLabel,
}: {
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: CountRow[];
  totals?: CountRow;
  /** The header of the rows' total column, when they have one. */
  totalLabel?: string;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const cellText = (cell: CoordinationCountCell) =>
    cell.hidden ? (
      <span title={t(`management.hiddenReason.${cell.hidden}`)}>
        {t('management.hidden')}
        <span className="sr-only"> ({t(`management.hiddenReason.${cell.hidden}`)})</span>
      </span>
    ) : (
      <>
        {formatNumber(cell.count ?? 0, language)}
        {cell.count ? (
          <>
            <br />
            <span className="samspil-muted">
              {t('management.citizensCount', { formatted: formatNumber(cell.citizens ?? 0, language) })}
            </span>
          </>
        ) : null}
      </>
    );
  const line = (row: CountRow) => (
    <tr key={row.key}>
      <th scope="row">{row.label}</th>
      {row.cells.map((cell, index) => (
        <td key={columns[index]} className="samspil-numeric">
          {cellText(cell)}
        </td>
      ))}
      {row.total ? <td className="samspil-numeric">{cellText(row.total)}</td> : null}
    </tr>
  );
  return (
    <table className="table table--zebra table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((column) => (
            <th key={column} scope="col" className="samspil-numeric">
              {column}
            </th>
          ))}
          {totalLabel ? (
            <th scope="col" className="samspil-numeric">
              {totalLabel}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{rows.map((row) => line(row))}</tbody>
      {totals ? <tfoot>{line(totals)}</tfoot> : null}
    </table>
  );
}
