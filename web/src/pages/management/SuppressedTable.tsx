import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShownCell, SuppressedRow, SuppressedTotals } from '../../api/analytics.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { ScrollRegion } from './ScrollRegion.js';

interface SuppressedTableProps {
  /** The table's name: its hidden caption and its scroll region's label. */
  title: string;
  /** One header a column of cells; `key` keys the column's cells. */
  columns: { key: string | number; label: string }[];
  rows: SuppressedRow[];
  totals: SuppressedTotals;
  /** Where a budget area's row header leads (the figures narrowed to it), and what to do on the way. */
  rowLink?: (budgetArea: string) => { to: string; onFollow: () => void };
}

/**
 * Money per budget area (rows) and column (age band, month...), with a total a row and a totals
 * footer. A cell the server hid (too few citizens, or one dominates) says so and why.
 */
export function SuppressedTable({
  title,
  columns,
  rows,
  totals,
  rowLink,
}: SuppressedTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const kroner = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    style: 'currency',
    currency: 'DKK',
    maximumFractionDigits: 0,
  });
  const cellText = (cell: ShownCell) =>
    cell.hidden ? (
      <span title={t(`management.hiddenReason.${cell.hidden}`)}>
        {t('management.hidden')}
        <span className="sr-only"> ({t(`management.hiddenReason.${cell.hidden}`)})</span>
      </span>
    ) : (
      <>
        {cell.amount === null ? t('management.hidden') : kroner.format(cell.amount / 100)}
        <br />
        <span className="samspil-muted">
          {t('management.citizensCount', {
            formatted:
              cell.citizens === null ? t('management.hidden') : formatNumber(cell.citizens, language),
          })}
        </span>
      </>
    );
  const cellsAndTotal = ({ cells, total }: SuppressedTotals) => (
    <>
      {cells.map((cell, index) => (
        <td key={columns[index]?.key}>{cellText(cell)}</td>
      ))}
      <td>{cellText(total)}</td>
    </>
  );
  return (
    <ScrollRegion label={title}>
      <table className="table table--zebra samspil-cost-table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('management.table.budgetArea')}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">{t('management.table.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const link = rowLink?.(row.budgetArea);
            return (
              <tr key={row.budgetArea}>
                <th scope="row">
                  {link ? (
                    <Link to={link.to} onClick={link.onFollow}>
                      {row.budgetArea}
                    </Link>
                  ) : (
                    row.budgetArea
                  )}
                </th>
                {cellsAndTotal(row)}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('management.table.total')}</th>
            {cellsAndTotal(totals)}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
